/**
 * Stream names the read models recognise. The command side names the subject
 * streams in apps/api/src/commands/stream-models.ts (a spec there checks they agree);
 * the notification streams are named here for API and worker alike.
 */
export const SUBJECT_PREFIXES = { round: 'round-', candidate: 'candidate-', trainingClass: 'class-' } as const;

/** One stream per reminder (N days before one deadline): appending with no_stream issues it at most once. */
export const reminderStream = (reminderId: string) => `reminder-${reminderId}`;
export const webhookStream = (webhookId: string) => `webhook-${webhookId}`;
export const deliveryStream = (deliveryId: string) => `delivery-${deliveryId}`;

export const REMINDER_PREFIX = 'reminder-';
export const WEBHOOK_PREFIX = 'webhook-';
export const DELIVERY_PREFIX = 'delivery-';
