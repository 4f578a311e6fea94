import {
  DELIVERY_EVENT_VERSIONS,
  evolveDelivery,
  evolveReminder,
  evolveWebhook,
  initialDeliveryState,
  initialReminderState,
  initialWebhookState,
  REMINDER_EVENT_VERSIONS,
  WEBHOOK_EVENT_VERSIONS,
  type DeliveryEvent,
  type DeliveryState,
  type ReminderEvent,
  type ReminderState,
  type WebhookEvent,
  type WebhookState,
} from '@app/pipeline';
import type { StreamModel } from './stream-commands';

/** Reminders, webhooks and deliveries: their streams are named in @app/read-models (reminder-…, webhook-…, delivery-…). */
export const REMINDER_MODEL: StreamModel<ReminderState, ReminderEvent> = {
  initial: initialReminderState,
  evolve: evolveReminder,
  versions: REMINDER_EVENT_VERSIONS,
};
export const WEBHOOK_MODEL: StreamModel<WebhookState, WebhookEvent> = {
  initial: initialWebhookState,
  evolve: evolveWebhook,
  versions: WEBHOOK_EVENT_VERSIONS,
};
export const DELIVERY_MODEL: StreamModel<DeliveryState, DeliveryEvent> = {
  initial: initialDeliveryState,
  evolve: evolveDelivery,
  versions: DELIVERY_EVENT_VERSIONS,
};

/** Who the scheduler's commands are recorded as. */
export const SCHEDULER_ACTOR = { id: 'scheduler', role: 'system' } as const;
