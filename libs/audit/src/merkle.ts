import * as crypto from 'node:crypto';
import { formatPosition, type RecordedEvent } from '@app/event-store';

// One-shot hashing where Node has it (≥ 20.12): the verifier hashes every event of the log.
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Buffer, encoding: 'buffer') => Buffer }).hash;
const sha256 = (data: string | Buffer): Buffer =>
  oneShot ? oneShot('sha256', data, 'buffer') : crypto.createHash('sha256').update(data).digest();

// Domain separation (RFC 6962): a leaf starts with byte 0, an inner node with byte 1, so neither passes for the other.
const NODE = Buffer.from([1]);

/** A block's leaf: its event's hash, where it sits in the log and when it was recorded, so moving or re-timestamping shows. */
export function leafHash(event: Pick<RecordedEvent, 'hash' | 'position' | 'recordedAt'>): Buffer {
  return sha256(`\u0000${event.hash}|${formatPosition(event.position)}|${event.recordedAt.toISOString()}`);
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return sha256(Buffer.concat([NODE, left, right]));
}

/**
 * The Merkle tree hash of RFC 6962 (Certificate Transparency), built leaf by
 * leaf in O(log n) memory: perfect subtrees are merged as they fill, and the
 * root folds what is left from right to left, which is exactly RFC 6962's
 * split at the largest power of two.
 */
export class MerkleBuilder {
  /** peaks[level]: the root of a full subtree of 2^level leaves, if one is waiting. */
  private readonly peaks: (Buffer | undefined)[] = [];
  private leaves = 0;

  get count(): number {
    return this.leaves;
  }

  add(leaf: Buffer): void {
    let node = leaf;
    let level = 0;
    for (; this.peaks[level]; level += 1) {
      node = nodeHash(this.peaks[level]!, node);
      this.peaks[level] = undefined;
    }
    this.peaks[level] = node;
    this.leaves += 1;
  }

  /** Hex root; the hash of nothing for an empty tree. */
  root(): string {
    let root: Buffer | undefined;
    for (const peak of this.peaks) if (peak) root = root ? nodeHash(peak, root) : peak;
    return (root ?? sha256('')).toString('hex');
  }
}

export function merkleRoot(leaves: readonly Buffer[]): string {
  const builder = new MerkleBuilder();
  leaves.forEach((leaf) => builder.add(leaf));
  return builder.root();
}
