import type { RecordedEvent } from '@app/event-store';
import type { CandidateEvent, RoundEvent, TrainingClassEvent } from '@app/pipeline';
import { SUBJECT_PREFIXES } from '../streams';

const CANDIDATE_PREFIX = SUBJECT_PREFIXES.candidate;

/** The candidate a stream belongs to (`candidate-<id>`), or undefined for other streams. */
export function candidateIdOf(streamId: string): string | undefined {
  return streamId.startsWith(CANDIDATE_PREFIX) ? streamId.slice(CANDIDATE_PREFIX.length) : undefined;
}

/**
 * When the fact happened, in epoch milliseconds: the command's time from the
 * metadata, or the recorded time. Never the wall clock: a rebuild must give the same rows.
 */
export function occurredAt(event: RecordedEvent): number {
  const stated = event.metadata?.occurredAt;
  const parsed = typeof stated === 'string' ? Date.parse(stated) : NaN;
  return Number.isNaN(parsed) ? event.recordedAt.getTime() : parsed;
}

/** The stored event as the domain's union, so that a switch on `type` narrows `data`. */
export const asCandidateEvent = (event: RecordedEvent) => event as unknown as CandidateEvent;
export const asRoundEvent = (event: RecordedEvent) => event as unknown as RoundEvent;
export const asClassEvent = (event: RecordedEvent) => event as unknown as TrainingClassEvent;

export const DAY_MS = 86_400_000;
