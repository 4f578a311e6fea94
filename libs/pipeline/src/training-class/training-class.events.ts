import type { MonthRange } from '../definition/pipeline-definition';
import type { Label } from '../reference/label';

/** A topic of the class, certified on passing (chứng chỉ theo chuyên đề). */
export interface TrainingPart {
  id: string;
  label: Label;
}

/** How a candidate's training ended; a pass carries the intermediate political theory diploma. */
export type TrainingResult =
  | {
      outcome: 'passed';
      diploma: { number: string; issuedOn: string };
      certificates: { partId: string; number: string }[];
    }
  | { outcome: 'failed'; reason: string }
  | { outcome: 'dropped-out'; reason: string };

export type TrainingOutcome = TrainingResult['outcome'];

/** What opening a class fixes; the OpenClass command carries the same fields. */
export interface ClassOpening {
  classId: string;
  name: string;
  roundId: string;
  startsOn: string;
  plannedEnd: string;
  /** Copied from the definition so the class keeps its rules if the definition changes. */
  duration: MonthRange;
  parts: TrainingPart[];
  reminderDaysBefore: number[];
}

// Who acted and when live in the event metadata (actor, occurredAt); data holds the facts.
export type TrainingClassEvent =
  | { type: 'TrainingClassOpened'; data: ClassOpening }
  | { type: 'TrainingClassCandidateEnrolled'; data: { classId: string; candidateId: string } }
  | { type: 'TrainingClassExtended'; data: { classId: string; previousPlannedEnd: string; plannedEnd: string } }
  | { type: 'TrainingClassResultRecorded'; data: { classId: string; candidateId: string; result: TrainingResult } }
  | { type: 'TrainingClassPlannedEndReached'; data: { classId: string; plannedEnd: string; deadlineId: string } }
  | { type: 'TrainingClassClosed'; data: { classId: string } };

export type TrainingClassEventType = TrainingClassEvent['type'];

export const TRAINING_CLASS_EVENT_VERSIONS = {
  TrainingClassOpened: 1,
  TrainingClassCandidateEnrolled: 1,
  TrainingClassExtended: 1,
  TrainingClassResultRecorded: 1,
  TrainingClassPlannedEndReached: 1,
  TrainingClassClosed: 1,
} as const satisfies Record<TrainingClassEventType, number>;
