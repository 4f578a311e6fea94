/** The kinds of period the pipeline times; a scheduler needs nothing else to act on them. */
export const DEADLINE_KINDS = [
  'registration-window-close',
  'training-planned-end',
  'practicum-end',
  'acceptance-window',
  'trial-end',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * A period's due time and its reminders. `id` changes whenever the period
 * changes (an extension makes a new id), so a job scheduled for an old id is
 * recognisably stale when it fires.
 */
export interface Deadline {
  id: string;
  kind: DeadlineKind;
  streamId: string;
  dueAt: string;
  reminders: { daysBefore: number; at: string }[];
}

export function deadlineId(streamId: string, kind: DeadlineKind, version: number): string {
  return `${streamId}/${kind}/${version}`;
}
