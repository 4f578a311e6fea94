export { upcastRecordedEvent } from './upcast-recorded';
import type { ProjectionDefinition } from '@app/projections';

/** Every read model the processes keep up to date, in the order the status endpoint lists them. */
export const READ_MODEL_PROJECTIONS: readonly ProjectionDefinition[] = [];
