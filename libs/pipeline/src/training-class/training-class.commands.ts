import type { Actor } from '../shared/actor';
import type { ClassOpening, TrainingResult } from './training-class.events';

/** Commands to one class's stream; `classId` is the stream id. Instants are ISO-8601 strings. */
export type TrainingClassCommand =
  /** Duration, parts and reminders come from the definition's training step, passed in by the caller. */
  | ({ type: 'OpenClass'; actor: Actor } & ClassOpening)
  | { type: 'EnrolCandidate'; classId: string; candidateId: string; actor: Actor }
  | { type: 'ExtendClass'; classId: string; plannedEnd: string; actor: Actor }
  | { type: 'RecordResult'; classId: string; candidateId: string; result: TrainingResult; actor: Actor }
  | { type: 'CloseClass'; classId: string; actor: Actor }
  /** Sent by the scheduler when the `training-planned-end` deadline fires. */
  | { type: 'MarkPlannedEndReached'; classId: string; deadlineId: string; actor: Actor };

export type TrainingClassCommandType = TrainingClassCommand['type'];

export type TrainingClassCommandOf<T extends TrainingClassCommandType> = Extract<TrainingClassCommand, { type: T }>;
