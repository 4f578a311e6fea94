import type { PipelineDefinition } from '../../definition/pipeline-definition';
import type { Actor, Role } from '../../shared/actor';
import { reject, type Decision } from '../../shared/decision';
import type { CandidateEvent, StepRef } from '../candidate.events';
import type { ActiveCandidate, CandidateState, Stage } from '../candidate.state';

export type Rejection = Decision<CandidateEvent> & { kind: 'rejected' };

export function refuse(code: string, message: string, details?: Record<string, unknown>): Rejection {
  return reject(code, message, details) as Rejection;
}

export function roleNotAllowed(actor: Actor, allowed: Role[]): Rejection | undefined {
  if (allowed.includes(actor.role)) return undefined;
  return reject('ROLE_NOT_ALLOWED', `role ${actor.role} may not do this; allowed: ${allowed.join(', ')}`, { allowed }) as Rejection;
}

/** A district board acts only for its own district; other allowed roles are not limited by district. */
export function notYourDistrict(actor: Actor, district: string): Rejection | undefined {
  if (actor.role !== 'district-board' || actor.district === district) return undefined;
  return reject('NOT_YOUR_DISTRICT', `district board ${actor.district ?? '(none)'} may not act for district ${district}`, {
    district,
  }) as Rejection;
}

export function notActive(state: CandidateState): Rejection | undefined {
  switch (state.status) {
    case 'active':
      return undefined;
    case 'none':
      return reject('CANDIDATE_NOT_FOUND', 'no application has been recorded for this candidate') as Rejection;
    case 'exited':
      return reject('CANDIDATE_EXITED', `the candidate exited (${state.reason}) and cannot be advanced`, {
        reason: state.reason,
      }) as Rejection;
    case 'completed':
      return reject('CANDIDATE_COMPLETED', 'the candidate has completed the programme') as Rejection;
  }
}

type Phase<K extends Stage['kind']> = Extract<Stage, { kind: K }>['phase'];

/** The command belongs to another step or phase than the one the candidate is in. */
export function wrongStage<K extends Stage['kind']>(state: CandidateState, kind: K, phases: Phase<K>[]): Rejection | undefined {
  if (state.status !== 'active') return notActive(state);
  if (state.stage.kind === kind && (phases as string[]).includes(state.stage.phase)) return undefined;
  return reject(
    'WRONG_STEP',
    `this needs the ${kind} step (${phases.join(' or ')}); the candidate is at ${state.step.id} (${state.stage.phase})`,
    {
      step: state.step.id,
      phase: state.stage.phase,
      expected: { kind, phases },
    },
  ) as Rejection;
}

/** A candidate keeps the definition version it started under; any other is a caller's mistake. */
export function definitionMismatch(state: ActiveCandidate | CandidateState, definition: PipelineDefinition): Rejection | undefined {
  if (state.status === 'none') return undefined;
  const own = state.application.definition;
  if (own.id === definition.id && own.version === definition.version) return undefined;
  return reject('DEFINITION_MISMATCH', `the candidate runs on ${own.id} v${own.version}, not ${definition.id} v${definition.version}`, {
    own,
  }) as Rejection;
}

/** The first candidate step after `stepId` in the definition, if any ('needs' belongs to the round). */
export function stepAfter(definition: PipelineDefinition, stepId?: string): StepRef | undefined {
  const index = stepId === undefined ? -1 : definition.steps.findIndex((step) => step.id === stepId);
  const next = definition.steps.slice(index + 1).find((step) => step.kind !== 'needs');
  return next ? { id: next.id, kind: next.kind as StepRef['kind'] } : undefined;
}

/** Moves the candidate on: to the next step, or out of the programme as completed. */
export function advanceFrom(state: ActiveCandidate, definition: PipelineDefinition): CandidateEvent {
  const next = stepAfter(definition, state.step.id);
  return next
    ? { type: 'CandidateAdvanced', data: { from: state.step.id, to: next } }
    : { type: 'CandidateCompletedProgramme', data: { stepId: state.step.id } };
}

export function stepDefinition(definition: PipelineDefinition, stepId: string) {
  const step = definition.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw new Error(`step ${stepId} is not in ${definition.id} v${definition.version}`);
  return step;
}

export function isInstant(value: string): boolean {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

export function invalidField(field: string, rule: string): Rejection {
  return reject('INVALID_FIELD', `${field}: ${rule}`, { field, rule }) as Rejection;
}

/** First rejection found, in the order the checks are listed. */
export function firstOf(...checks: (() => Rejection | undefined)[]): Rejection | undefined {
  for (const check of checks) {
    const rejection = check();
    if (rejection) return rejection;
  }
  return undefined;
}

/** Offers and recruitment decisions are for the title the need was registered for, and no other. */
export function titleMismatch(state: CandidateState, title: string): Rejection | undefined {
  if (state.status !== 'active' || title === state.application.title) return undefined;
  return refuse('TITLE_MISMATCH', `the need was registered for ${state.application.title}, not ${title}`, {
    registered: state.application.title,
  });
}
