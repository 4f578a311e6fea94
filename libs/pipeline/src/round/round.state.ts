import type { SelectionRules } from '../definition/pipeline-definition';
import type { Commune, DefinitionRef, RoundEvent } from './round.events';

export interface Need {
  needId: string;
  commune: Commune;
  title: string;
  quantity: number;
  acceptedMajors: readonly string[];
  status: 'registered' | 'approved' | 'withdrawn';
  /** Across every publication for this need; never more than `quantity`. */
  selectedCandidateIds: readonly string[];
}

/** What every opened round knows, whatever its status. */
export interface RoundFacts {
  roundId: string;
  name: string;
  provinceCode: string;
  definition: DefinitionRef;
  registrationOpensAt: string;
  registrationClosesAt: string;
  registrationReminderDaysBefore: readonly number[];
  titles: readonly string[];
  selectionRules: SelectionRules;
  /** Bumped by each extension, so a close job scheduled for an earlier time is recognisably stale. */
  deadlineVersion: number;
  /** In registration order. */
  needs: readonly Need[];
}

export type RoundState =
  | { status: 'not-opened' }
  /** Needs are registered while the window's times allow it. */
  | ({ status: 'registering' } & RoundFacts)
  /** Window closed: needs are approved or withdrawn before selection. */
  | ({ status: 'registration-closed' } & RoundFacts)
  | ({ status: 'selecting' } & RoundFacts)
  | ({ status: 'closed' } & RoundFacts);

export type OpenedRound = Exclude<RoundState, { status: 'not-opened' }>;
export type ActiveRound = Exclude<OpenedRound, { status: 'closed' }>;

export const initialRoundState: RoundState = { status: 'not-opened' };

function updateNeed(state: OpenedRound, needId: string, change: (need: Need) => Need): OpenedRound {
  return { ...state, needs: state.needs.map((need) => (need.needId === needId ? change(need) : need)) };
}

export function evolveRound(state: RoundState, event: RoundEvent): RoundState {
  switch (event.type) {
    case 'RoundOpened': {
      const { roundId, name, provinceCode, definition, registrationOpensAt, registrationClosesAt } = event.data;
      const { registrationReminderDaysBefore, titles, selectionRules } = event.data;
      return {
        status: 'registering',
        roundId,
        name,
        provinceCode,
        definition,
        registrationOpensAt,
        registrationClosesAt,
        registrationReminderDaysBefore,
        titles,
        selectionRules,
        deadlineVersion: 1,
        needs: [],
      };
    }
    case 'NeedRegistered': {
      if (state.status === 'not-opened') return state;
      const { needId, commune, title, quantity, acceptedMajors } = event.data;
      const need: Need = { needId, commune, title, quantity, acceptedMajors, status: 'registered', selectedCandidateIds: [] };
      return { ...state, needs: [...state.needs, need] };
    }
    case 'NeedAmended': {
      if (state.status === 'not-opened') return state;
      const { changes } = event.data;
      return updateNeed(state, event.data.needId, (need) => ({ ...need, ...changes }));
    }
    case 'NeedWithdrawn':
      if (state.status === 'not-opened') return state;
      return updateNeed(state, event.data.needId, (need) => ({ ...need, status: 'withdrawn' }));
    case 'NeedApproved':
      if (state.status === 'not-opened') return state;
      return updateNeed(state, event.data.needId, (need) => ({ ...need, status: 'approved' }));
    case 'RegistrationWindowExtended':
      if (state.status === 'not-opened') return state;
      return { ...state, registrationClosesAt: event.data.closesAt, deadlineVersion: event.data.deadlineVersion };
    case 'RegistrationWindowClosed':
      if (state.status === 'not-opened') return state;
      return { ...state, status: 'registration-closed' };
    case 'SelectionStarted':
      if (state.status === 'not-opened') return state;
      return { ...state, status: 'selecting' };
    case 'SelectionResultsPublished': {
      if (state.status === 'not-opened') return state;
      const won = event.data.ranking.filter((r) => r.outcome === 'selected').map((r) => r.candidateId);
      return updateNeed(state, event.data.needId, (need) => ({
        ...need,
        selectedCandidateIds: [...need.selectedCandidateIds, ...won],
      }));
    }
    case 'RoundClosed':
      if (state.status === 'not-opened') return state;
      return { ...state, status: 'closed' };
    default: {
      // An event this build does not know (a newer build wrote it): folding past it would give a wrong state.
      const unknown: never = event;
      throw new Error(`unknown round event type ${String((unknown as { type?: unknown }).type)}`);
    }
  }
}
