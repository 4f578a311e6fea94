import { CANDIDATE_EVENT_VERSIONS } from '../candidate/candidate.events';
import { ROUND_EVENT_VERSIONS } from '../round/round.events';
import { TRAINING_CLASS_EVENT_VERSIONS } from '../training-class/training-class.events';
import { needAmendedV1ToV2 } from './need-amended.v1';
import { createUpcaster } from './upcaster';

/** The version every domain event type is written in today. */
export const CURRENT_EVENT_VERSIONS: Readonly<Record<string, number>> = {
  ...ROUND_EVENT_VERSIONS,
  ...CANDIDATE_EVENT_VERSIONS,
  ...TRAINING_CLASS_EVENT_VERSIONS,
};

/**
 * Brings any stored domain event to its current shape. Apply it wherever
 * stored events are folded (command load path, read models, audit replay):
 * evolve functions know only the current shapes.
 */
export const upcastEvent = createUpcaster(CURRENT_EVENT_VERSIONS, {
  NeedAmended: { 1: needAmendedV1ToV2 },
});
