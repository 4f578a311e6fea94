import type Database from 'better-sqlite3';
import type { TableNames } from '@app/projections';

export type WebhookTable = 'webhooks' | 'deliveries';

/**
 * webhooks: each unit's registered endpoints (the secret is derived, never stored).
 * deliveries: one row per notification per webhook, with its current round of
 *   attempts; `change_*` feeds the scheduler's outbox like the timers table.
 */
export function createWebhookTables(db: Database.Database, t: TableNames<WebhookTable>): void {
  db.exec(`
    CREATE TABLE "${t.webhooks}" (
      webhook_id    TEXT PRIMARY KEY,
      unit          TEXT NOT NULL,
      url           TEXT NOT NULL,
      description   TEXT NOT NULL,
      secret_nonce  TEXT NOT NULL,
      state         TEXT NOT NULL CHECK (state IN ('active', 'removed')),
      registered_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX "${t.webhooks}_active_by_unit" ON "${t.webhooks}" (unit) WHERE state = 'active';
    CREATE TABLE "${t.deliveries}" (
      delivery_id    TEXT PRIMARY KEY,
      webhook_id     TEXT NOT NULL,
      unit           TEXT NOT NULL,
      event_id       TEXT NOT NULL,
      payload        TEXT NOT NULL,
      round          INTEGER NOT NULL,
      status         TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
      attempts       INTEGER NOT NULL DEFAULT 0,
      status_code    INTEGER,
      last_error     TEXT,
      created_at     INTEGER NOT NULL,
      updated_at     INTEGER NOT NULL,
      change_commit  INTEGER NOT NULL,
      change_prepare INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX "${t.deliveries}_by_change" ON "${t.deliveries}" (change_commit, change_prepare, delivery_id);
    CREATE INDEX "${t.deliveries}_by_unit_status" ON "${t.deliveries}" (unit, status, created_at);
    CREATE INDEX "${t.deliveries}_pending_by_webhook" ON "${t.deliveries}" (webhook_id) WHERE status = 'pending';
  `);
}
