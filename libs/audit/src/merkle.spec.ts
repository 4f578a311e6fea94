import { createHash } from 'node:crypto';
import { positionOf } from '@app/event-store';
import { leafHash, MerkleBuilder, merkleRoot, nodeHash } from './merkle';

/** RFC 6962 §2.1 as written: split at the largest power of two below n. */
function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0];
  let split = 1;
  while (split * 2 < leaves.length) split *= 2;
  return nodeHash(referenceRoot(leaves.slice(0, split)), referenceRoot(leaves.slice(split)));
}

const leaves = Array.from({ length: 40 }, (_, index) => createHash('sha256').update(`leaf ${index}`).digest());

describe('the Merkle root of a block', () => {
  it('equals RFC 6962’s recursive definition for every size, built in one pass', () => {
    for (let size = 1; size <= leaves.length; size += 1) {
      expect(merkleRoot(leaves.slice(0, size))).toBe(referenceRoot(leaves.slice(0, size)).toString('hex'));
    }
  });

  it('changes when a leaf changes, moves, or is dropped', () => {
    const root = merkleRoot(leaves.slice(0, 7));
    const swapped = [...leaves.slice(0, 7)];
    [swapped[2], swapped[3]] = [swapped[3], swapped[2]];
    expect(merkleRoot(swapped)).not.toBe(root);
    expect(merkleRoot(leaves.slice(0, 6))).not.toBe(root);
    expect(merkleRoot([...leaves.slice(0, 6), leaves[8]])).not.toBe(root);
  });

  it('hashes a leaf as byte 0 then its text, and a node as byte 1 then both children (RFC 6962)', () => {
    const event = { hash: 'a'.repeat(64), position: positionOf(42), recordedAt: new Date('2026-03-01T08:00:00.000Z') };
    const text = `${'a'.repeat(64)}|42|2026-03-01T08:00:00.000Z`;
    expect(leafHash(event)).toEqual(
      createHash('sha256')
        .update(Buffer.from([0]))
        .update(text)
        .digest(),
    );
    expect(nodeHash(leaves[0], leaves[1])).toEqual(
      createHash('sha256')
        .update(Buffer.from([1]))
        .update(leaves[0])
        .update(leaves[1])
        .digest(),
    );
  });

  it('takes the recorded time and the position into each leaf', () => {
    const event = { hash: 'a'.repeat(64), position: positionOf(42), recordedAt: new Date('2026-03-01T08:00:00.000Z') };
    const leaf = leafHash(event).toString('hex');
    expect(leafHash({ ...event, recordedAt: new Date('2026-03-01T08:00:00.001Z') }).toString('hex')).not.toBe(leaf);
    expect(leafHash({ ...event, position: positionOf(43) }).toString('hex')).not.toBe(leaf);
    expect(new MerkleBuilder().root()).toBe(createHash('sha256').digest('hex'));
  });
});
