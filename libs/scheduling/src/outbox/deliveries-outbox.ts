import type { Queue } from 'bullmq';
import { deliveryJobId, webhooksProjection } from '@app/read-models';
import { JITTERED } from '../backoff';
import type { DeliveryJob } from '../jobs';
import { lastChangeIn, type Outbox, type OutboxRow } from './outbox';

interface DeliveryRow {
  delivery_id: string;
  webhook_id: string;
  round: bigint;
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  change_commit: bigint;
  change_prepare: bigint;
}

export interface DeliveryPolicy {
  attempts: number;
  backoffMs: number;
}

/** The webhooks read model's deliveries: one job per round of attempts on the webhooks queue. */
export function deliveriesOutbox(queue: Queue, policy: DeliveryPolicy): Outbox {
  const toRow = (row: DeliveryRow): OutboxRow => {
    const round = Number(row.round);
    const jobId = deliveryJobId(row.delivery_id, round);
    const data: DeliveryJob = { deliveryId: row.delivery_id, webhookId: row.webhook_id, round };
    return {
      jobId,
      status: row.status === 'pending' ? 'pending' : row.status === 'cancelled' ? 'cancelled' : 'finished',
      runAt: 0,
      cursor: { commit: row.change_commit, prepare: row.change_prepare, key: row.delivery_id },
      name: 'deliver',
      data,
      opts: { attempts: policy.attempts, backoff: { type: JITTERED, delay: policy.backoffMs } },
    };
  };
  const columns = 'delivery_id, webhook_id, round, status, change_commit, change_prepare';
  return {
    name: 'webhook-deliveries',
    projection: webhooksProjection,
    queue,
    changedSince(db, t, cursor, limit) {
      const rows = db
        .prepare(
          `SELECT ${columns} FROM "${t.deliveries}" WHERE (change_commit, change_prepare, delivery_id) > (?, ?, ?)
           ORDER BY change_commit, change_prepare, delivery_id LIMIT ?`,
        )
        .safeIntegers(true)
        .all(cursor.commit, cursor.prepare, cursor.key, limit) as DeliveryRow[];
      return rows.map(toRow);
    },
    pendingAfter(db, t, afterKey, limit) {
      const rows = db
        .prepare(`SELECT ${columns} FROM "${t.deliveries}" WHERE status = 'pending' AND delivery_id > ? ORDER BY delivery_id LIMIT ?`)
        .safeIntegers(true)
        .all(afterKey, limit) as DeliveryRow[];
      return rows.map(toRow);
    },
    lastChange: (db, t) => lastChangeIn(db, t.deliveries),
  };
}
