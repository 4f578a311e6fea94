import type { RecordedEvent } from '@app/event-store';
import type { ProjectionDefinition } from '@app/projections';
import type { DeliveryEvent, ReminderEvent, WebhookEvent } from '@app/pipeline';
import { DELIVERY_PREFIX, REMINDER_PREFIX, WEBHOOK_PREFIX } from '../streams';
import { deliveryId } from './delivery-ids';
import { createWebhookTables, type WebhookTable } from './webhooks.tables';

/** What a receiver gets: the reminder as the log recorded it, addressed to one unit. */
function reminderPayload(event: RecordedEvent<ReminderEvent['data']>, id: string, unit: string): string {
  const { units: _units, ...reminder } = event.data;
  return JSON.stringify({ deliveryId: id, type: 'deadline.reminder', unit, occurredAt: event.metadata.occurredAt, reminder });
}

/**
 * Registered webhooks and what must be delivered to them: each reminder fans
 * out to the active webhooks of the units it names, in log order, so a webhook
 * receives the reminders issued after it was registered.
 */
export const webhooksProjection: ProjectionDefinition<WebhookTable> = {
  name: 'webhooks',
  version: 1,
  tables: ['webhooks', 'deliveries'],
  create: createWebhookTables,
  open(db, t) {
    const register = db.prepare(
      `INSERT INTO "${t.webhooks}" (webhook_id, unit, url, description, secret_nonce, state, registered_at)
       VALUES (?, ?, ?, ?, ?, 'active', ?) ON CONFLICT (webhook_id) DO NOTHING`,
    );
    const remove = db.prepare(`UPDATE "${t.webhooks}" SET state = 'removed' WHERE webhook_id = ?`);
    const cancelPending = db.prepare(
      `UPDATE "${t.deliveries}" SET status = 'cancelled', updated_at = ?, change_commit = ?, change_prepare = ? WHERE webhook_id = ? AND status = 'pending'`,
    );
    const activeFor = db.prepare(`SELECT webhook_id FROM "${t.webhooks}" WHERE unit = ? AND state = 'active'`).pluck();
    const addDelivery = db.prepare(
      `INSERT INTO "${t.deliveries}" (delivery_id, webhook_id, unit, event_id, payload, round, status, created_at, updated_at, change_commit, change_prepare)
       VALUES (?, ?, ?, ?, ?, 1, 'pending', ?, ?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING`,
    );
    const settle = db.prepare(
      `UPDATE "${t.deliveries}" SET status = ?, round = ?, attempts = ?, status_code = ?, last_error = ?, updated_at = ?, change_commit = ?, change_prepare = ?
       WHERE delivery_id = ?`,
    );

    function fanOut(event: RecordedEvent<ReminderEvent['data']>): void {
      const at = event.recordedAt.getTime();
      for (const unit of event.data.units) {
        for (const webhookId of activeFor.all(unit) as string[]) {
          const id = deliveryId(event.id, webhookId);
          const { commit, prepare } = event.position;
          addDelivery.run(id, webhookId, unit, event.id, reminderPayload(event, id, unit), at, at, commit, prepare);
        }
      }
    }

    const STATUS: Record<DeliveryEvent['type'], string> = {
      WebhookDelivered: 'delivered',
      WebhookDeliveryFailed: 'failed',
      WebhookDeliveryRetried: 'pending',
    };

    function outcome(event: RecordedEvent): void {
      const data = event.data as DeliveryEvent['data'] & { attempts?: number; statusCode?: number; error?: string };
      const status = STATUS[event.type as DeliveryEvent['type']];
      if (!status) return;
      const { commit, prepare } = event.position;
      const at = event.recordedAt.getTime();
      settle.run(status, data.round, data.attempts ?? 0, data.statusCode ?? null, data.error ?? null, at, commit, prepare, data.deliveryId);
    }

    function webhookChanged(event: RecordedEvent): void {
      const changed = { type: event.type, data: event.data } as WebhookEvent;
      if (changed.type === 'WebhookRegistered') {
        const { webhookId, unit, url, description, secretNonce } = changed.data;
        register.run(webhookId, unit, url, description, secretNonce, event.recordedAt.getTime());
      } else if (changed.type === 'WebhookRemoved') {
        remove.run(changed.data.webhookId);
        cancelPending.run(event.recordedAt.getTime(), event.position.commit, event.position.prepare, changed.data.webhookId);
      }
    }

    return {
      apply(event) {
        if (event.streamId.startsWith(REMINDER_PREFIX) && event.type === 'DeadlineReminderIssued') {
          fanOut(event as RecordedEvent<ReminderEvent['data']>);
        } else if (event.streamId.startsWith(WEBHOOK_PREFIX)) {
          webhookChanged(event);
        } else if (event.streamId.startsWith(DELIVERY_PREFIX)) {
          outcome(event);
        }
      },
    };
  },
};
