import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_EVENT_BYTES, SqliteEventStore } from '../src';
import { describeEventStoreContract } from './contract/event-store.contract';

const path = join(mkdtempSync(join(tmpdir(), 'event-store-contract-')), 'events.db');

describeEventStoreContract(
  'sqlite',
  {
    open: async () => new SqliteEventStore({ path }),
    childEnv: () => ({ EVENT_STORE: 'sqlite', SQLITE_PATH: path }),
    afterCrash: () => {
      const db = new Database(path);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    },
  },
  DEFAULT_MAX_EVENT_BYTES,
);
