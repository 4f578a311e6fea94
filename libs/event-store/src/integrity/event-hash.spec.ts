import { GOLDEN_EVENTS, GOLDEN_HASHES, GOLDEN_STREAM } from '../../test/golden-vector';
import { canonicalJson } from './canonical-json';
import { eventHash, hashCanonicalContent, sha256Hex, type HashedContent } from './event-hash';

const content: HashedContent = {
  streamId: 'candidate-bg-2026-0001',
  revision: 3,
  id: '00000000-0000-4000-8000-00000000000a',
  type: 'CandidateScored',
  schemaVersion: 1,
  data: { scores: { test: 82, academic: 75, interview: 88 } },
  metadata: {
    correlationId: 'c',
    causationId: 'c',
    actor: { id: 'Trần Văn Đức', role: 'province-board' },
    occurredAt: '2026-03-01T08:00:00Z',
  },
  previousHash: 'ab'.repeat(32),
};

describe('the event hash', () => {
  it('reproduces the golden vector, chained from null at revision 0', () => {
    let previousHash: string | null = null;
    const hashes = GOLDEN_EVENTS.map((event, revision) => {
      const { id, type, schemaVersion, data, metadata } = event;
      previousHash = eventHash({ streamId: GOLDEN_STREAM, revision, id, type, schemaVersion, data, metadata, previousHash });
      return previousHash;
    });
    expect(hashes).toEqual(GOLDEN_HASHES);
  });

  it('is the SHA-256 of the canonical JSON of everything it covers', () => {
    expect(eventHash(content)).toBe(sha256Hex(canonicalJson(content)));
    expect(
      hashCanonicalContent({ ...content, canonicalData: canonicalJson(content.data), canonicalMetadata: canonicalJson(content.metadata) }),
    ).toBe(eventHash(content));
  });

  it('changes when any covered field changes', () => {
    const base = eventHash(content);
    const variants: Partial<HashedContent>[] = [
      { streamId: 'candidate-bg-2026-0002' },
      { revision: 4 },
      { id: '00000000-0000-4000-8000-00000000000b' },
      { type: 'CandidateSelected' },
      { schemaVersion: 2 },
      { data: { scores: { test: 83, academic: 75, interview: 88 } } },
      { metadata: { ...(content.metadata as object), actor: { id: 'Tran Van Duc', role: 'province-board' } } },
      { previousHash: null },
    ];
    for (const variant of variants) expect(eventHash({ ...content, ...variant })).not.toBe(base);
  });
});
