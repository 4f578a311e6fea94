import { DEFAULT_MAX_EVENT_BYTES, EsdbEventStore } from '../src';
import { describeEventStoreContract } from './contract/event-store.contract';

// jest.config.js runs this file only when EVENTSTORE_CONNECTION_STRING is set;
// otherwise the run prints "skipped: no EventStoreDB".
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING!;

describeEventStoreContract(
  'eventstoredb',
  {
    open: async () => new EsdbEventStore({ connectionString }),
    childEnv: () => ({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: connectionString }),
  },
  DEFAULT_MAX_EVENT_BYTES,
);
