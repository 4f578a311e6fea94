export { createUpcaster, NewerVersionError, UpcastError, type StoredEvent, type UpcastStep, type UpcastSteps } from './upcaster';
export { CURRENT_EVENT_VERSIONS, upcastEvent } from './domain-upcasters';
export type { NeedAmendedV1 } from './need-amended.v1';
