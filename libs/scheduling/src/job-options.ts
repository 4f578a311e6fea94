import type { JobsOptions } from 'bullmq';
import { JITTERED } from './backoff';

/**
 * Timed transitions retry infrastructure failures for about an hour (store or
 * Redis down); a job that still fails stays in the failed set, visible on the
 * dashboard and in /health. Completed jobs are kept a day for the dashboard.
 */
export const TIMER_JOB_DEFAULTS: JobsOptions = {
  attempts: 20,
  backoff: { type: JITTERED, delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

/** Capped exponential backoff of timed jobs; webhook deliveries use WEBHOOK_BACKOFF_MAX_MS. */
export const TIMER_BACKOFF_CAP_MS = 5 * 60_000;

/** Attempts and base delay come from the configuration at scheduling time. */
export const DELIVERY_JOB_DEFAULTS: JobsOptions = {
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};
