/**
 * Stream names, one place for the command side (apps/api/src/commands/stream-models.ts
 * builds its names from these prefixes), the read models, the API and the worker.
 */
export const SUBJECT_PREFIXES = { round: 'round-', candidate: 'candidate-', trainingClass: 'class-' } as const;

/** One stream per reminder (N days before one deadline): appending with no_stream issues it at most once. */
export const reminderStream = (reminderId: string) => `reminder-${reminderId}`;
export const webhookStream = (webhookId: string) => `webhook-${webhookId}`;
export const deliveryStream = (deliveryId: string) => `delivery-${deliveryId}`;

export const REMINDER_PREFIX = 'reminder-';
export const WEBHOOK_PREFIX = 'webhook-';
export const DELIVERY_PREFIX = 'delivery-';
