import type { MonthRange } from '../definition/pipeline-definition';
import type { TrainingClassEvent, TrainingPart, TrainingResult } from './training-class.events';

export interface Enrolment {
  candidateId: string;
  /** Absent until the school records how the candidate's training ended. */
  result?: TrainingResult;
}

/** What every opened class knows, whatever its status. */
export interface TrainingClassFacts {
  classId: string;
  name: string;
  roundId: string;
  startsOn: string;
  plannedEnd: string;
  duration: MonthRange;
  parts: readonly TrainingPart[];
  reminderDaysBefore: readonly number[];
  /** Bumped by each extension, so a deadline job for an earlier planned end is recognisably stale. */
  deadlineVersion: number;
  /** In enrolment order. */
  enrolments: readonly Enrolment[];
}

export type TrainingClassState =
  | { status: 'not-opened' }
  /** Running; its planned end is still ahead (or not yet marked reached). */
  | ({ status: 'open' } & TrainingClassFacts)
  /** The planned end has passed: no more enrolments, results still awaited. */
  | ({ status: 'ended' } & TrainingClassFacts)
  | ({ status: 'closed' } & TrainingClassFacts);

export type OpenedTrainingClass = Exclude<TrainingClassState, { status: 'not-opened' }>;

export const initialTrainingClassState: TrainingClassState = { status: 'not-opened' };

export function evolveTrainingClass(state: TrainingClassState, event: TrainingClassEvent): TrainingClassState {
  switch (event.type) {
    case 'TrainingClassOpened': {
      const { classId, name, roundId, startsOn, plannedEnd, duration, parts, reminderDaysBefore } = event.data;
      return {
        status: 'open',
        classId,
        name,
        roundId,
        startsOn,
        plannedEnd,
        duration,
        parts,
        reminderDaysBefore,
        deadlineVersion: 1,
        enrolments: [],
      };
    }
    case 'TrainingClassCandidateEnrolled':
      if (state.status === 'not-opened') return state;
      return { ...state, enrolments: [...state.enrolments, { candidateId: event.data.candidateId }] };
    case 'TrainingClassExtended':
      if (state.status === 'not-opened') return state;
      // An extension after the end was marked reopens the class until the new end.
      return { ...state, status: 'open', plannedEnd: event.data.plannedEnd, deadlineVersion: state.deadlineVersion + 1 };
    case 'TrainingClassResultRecorded': {
      if (state.status === 'not-opened') return state;
      const { candidateId, result } = event.data;
      return {
        ...state,
        enrolments: state.enrolments.map((e) => (e.candidateId === candidateId ? { candidateId, result } : e)),
      };
    }
    case 'TrainingClassPlannedEndReached':
      if (state.status === 'not-opened') return state;
      return { ...state, status: 'ended' };
    case 'TrainingClassClosed':
      if (state.status === 'not-opened') return state;
      return { ...state, status: 'closed' };
    default: {
      // An event this build does not know (a newer build wrote it): folding past it would give a wrong state.
      const unknown: never = event;
      throw new Error(`unknown training class event type ${String((unknown as { type?: unknown }).type)}`);
    }
  }
}
