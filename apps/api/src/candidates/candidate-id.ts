import { createHash } from 'node:crypto';

/**
 * One stream per person per round: the id is derived from the round and a
 * hash of the citizen identity number, so a second application by the same
 * person lands on the same stream and is refused, and the number itself is not stored.
 */
export function candidateIdFor(roundId: string, nationalId: string): string {
  const digest = createHash('sha256').update(`${roundId}:${nationalId}`).digest('hex').slice(0, 16);
  return `${roundId}-${digest}`;
}
