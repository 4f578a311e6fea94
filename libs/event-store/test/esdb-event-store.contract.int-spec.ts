import { randomUUID } from 'node:crypto';
import { AppendTooLargeError, DEFAULT_MAX_EVENT_BYTES, EsdbEventStore } from '../src';
import { describeEventStoreContract } from './contract/event-store.contract';
import { newEvent } from './fixtures';

// jest.config.js runs this file only when EVENTSTORE_CONNECTION_STRING is set;
// otherwise the run prints "skipped: no EventStoreDB".
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING!;

beforeAll(async () => {
  // The contract appends events of up to MAX_EVENT_BYTES; the server's default append limit is 1 MiB.
  const store = new EsdbEventStore({ connectionString });
  try {
    await store.append(`append-size-probe-${randomUUID()}`, [newEvent('Probe', { body: 'x'.repeat(DEFAULT_MAX_EVENT_BYTES - 1024) })]);
  } catch (error) {
    if (error instanceof AppendTooLargeError) {
      throw new Error(
        `EventStoreDB at ${connectionString} accepts appends up to ${error.maxBytes} bytes; start it with EVENTSTORE_MAX_APPEND_SIZE=8388608 (see docker-compose.yml)`,
      );
    }
    throw error;
  } finally {
    await store.close();
  }
});

describeEventStoreContract(
  'eventstoredb',
  {
    open: async () => new EsdbEventStore({ connectionString }),
    childEnv: () => ({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: connectionString }),
  },
  DEFAULT_MAX_EVENT_BYTES,
);
