export { ANCHOR_EVENT_TYPE, ANCHOR_STREAM, anchorHashOf, readAnchor, type Anchor, type AnchorData, type AnchorFacts } from './anchor';
export { AnchorWriter, type AnchorWriterOptions } from './anchor-writer';
export { leafHash, MerkleBuilder, merkleRoot } from './merkle';
export {
  parsePublishedAnchor,
  PUBLISHED_ANCHOR_PATTERN,
  verifyStore,
  type PublishedAnchor,
  type VerifyOptions,
  type VerifyReport,
} from './verify/verify-store';
export type { BrokenLink, BrokenReason } from './verify/broken-link';
