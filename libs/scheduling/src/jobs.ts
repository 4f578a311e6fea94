import type { DeadlineKind } from '@app/pipeline';

export const TIMERS_QUEUE = 'timers';
export const WEBHOOKS_QUEUE = 'webhooks';

/** A deadline's due time ('fire': the timed command) or one of its reminders ('remind'). */
export interface TimerJob {
  action: 'fire' | 'remind';
  deadlineId: string;
  kind: DeadlineKind;
  /** The event-store stream whose period this is (candidate-…, round-…, class-…). */
  streamId: string;
  subjectId: string;
  dueAt: string;
  /** When this job is meant to run: the due time, or the reminder's time. */
  runAt: string;
  daysBefore?: number;
}

export interface DeliveryJob {
  deliveryId: string;
  webhookId: string;
  round: number;
}
