import type { RecordedEvent } from '@app/event-store';
import { upcastEvent } from '@app/pipeline';

/** The domain's upcasters applied to a recorded event, keeping its position, ids and metadata: projections only ever see current shapes. */
export function upcastRecordedEvent(event: RecordedEvent): RecordedEvent {
  const current = upcastEvent(event);
  return current === event ? event : { ...event, schemaVersion: current.schemaVersion, data: current.data };
}
