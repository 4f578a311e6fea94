import type { AppConfig } from '@app/config';
import { EsdbEventStore } from './eventstoredb/esdb-event-store';
import type { EventStore } from './port/event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/** Chooses the adapter from configuration alone: moving to EventStoreDB needs no code change. */
export function createEventStore(config: AppConfig): EventStore {
  if (config.EVENT_STORE === 'eventstoredb') {
    return new EsdbEventStore({
      connectionString: config.EVENTSTORE_CONNECTION_STRING!,
      maxEventBytes: config.MAX_EVENT_BYTES,
    });
  }
  return new SqliteEventStore({ path: config.SQLITE_PATH, maxEventBytes: config.MAX_EVENT_BYTES });
}
