import { createHash } from 'node:crypto';
import { formatPosition, type RecordedEvent } from '@app/event-store';

// Domain separation (RFC 6962): a leaf can never be passed off as an inner node.
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/** A block's leaf: its event's hash, where it sits in the log and when it was recorded, so moving or re-timestamping shows. */
export function leafHash(event: Pick<RecordedEvent, 'hash' | 'position' | 'recordedAt'>): Buffer {
  const text = `${event.hash}|${formatPosition(event.position)}|${event.recordedAt.toISOString()}`;
  return createHash('sha256').update(LEAF).update(text, 'utf8').digest();
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE).update(left).update(right).digest();
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
    return (root ?? createHash('sha256').digest()).toString('hex');
  }
}

export function merkleRoot(leaves: readonly Buffer[]): string {
  const builder = new MerkleBuilder();
  leaves.forEach((leaf) => builder.add(leaf));
  return builder.root();
}
