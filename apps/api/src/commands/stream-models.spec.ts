import { SUBJECT_PREFIXES } from '@app/read-models';
import { candidateStream, classStream, roundStream } from './stream-models';

describe('stream names', () => {
  it('are the ones the deadlines read model recognises', () => {
    expect(roundStream('bg-2026').startsWith(SUBJECT_PREFIXES.round)).toBe(true);
    expect(candidateStream('bg-2026-1a2b').startsWith(SUBJECT_PREFIXES.candidate)).toBe(true);
    expect(classStream('k1').startsWith(SUBJECT_PREFIXES.trainingClass)).toBe(true);
  });
});
