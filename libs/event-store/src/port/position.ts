/**
 * A place in the global log. EventStoreDB identifies it by a commit and a
 * prepare offset in its transaction file; the embedded store uses its
 * sequence number for both. Offsets are bigint because EventStoreDB's are
 * 64-bit byte offsets.
 */
export interface Position {
  commit: bigint;
  prepare: bigint;
}

export function positionOf(sequence: number | bigint): Position {
  const value = BigInt(sequence);
  return { commit: value, prepare: value };
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** "42" when commit and prepare agree (the embedded store), "commit/prepare" otherwise. */
export function formatPosition(position: Position): string {
  return position.commit === position.prepare ? position.commit.toString() : `${position.commit}/${position.prepare}`;
}

export function parsePosition(text: string): Position {
  const match = /^(\d{1,20})(?:\/(\d{1,20}))?$/.exec(text.trim());
  if (!match) {
    throw new RangeError(`position must be "N" or "commit/prepare" with non-negative integers, got "${text}"`);
  }
  const commit = BigInt(match[1]);
  return { commit, prepare: match[2] === undefined ? commit : BigInt(match[2]) };
}
