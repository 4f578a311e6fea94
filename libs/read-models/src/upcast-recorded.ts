import type { RecordedEvent } from '@app/event-store';
import { EventFromNewerBuild } from '@app/projections';
import { NewerVersionError, upcastEvent } from '@app/pipeline';

/** The domain's upcasters applied to a recorded event, keeping its position, ids and metadata: projections only ever see current shapes. */
export function upcastRecordedEvent(event: RecordedEvent): RecordedEvent {
  let current;
  try {
    current = upcastEvent(event);
  } catch (error) {
    throw error instanceof NewerVersionError ? new EventFromNewerBuild(error.message) : error;
  }
  return current === event ? event : { ...event, schemaVersion: current.schemaVersion, data: current.data };
}
