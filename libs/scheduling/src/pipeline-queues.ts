import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { withTimeout } from '@app/common';
import { createRedis } from '@app/redis';
import { DELIVERY_JOB_DEFAULTS, TIMER_JOB_DEFAULTS } from './job-options';
import { TIMERS_QUEUE, WEBHOOKS_QUEUE, type DeliveryJob, type TimerJob } from './jobs';

/**
 * The two queues of a deployment, on one BullMQ connection, namespaced by
 * QUEUE_PREFIX: `timers` (deadlines and reminders) and `webhooks` (deliveries).
 * Adding jobs needs no worker, so the API holds these too (health, dashboard).
 */
export class PipelineQueues {
  readonly connection: Redis;
  readonly timers: Queue<TimerJob>;
  readonly webhooks: Queue<DeliveryJob>;

  constructor(
    readonly redisUrl: string,
    readonly prefix: string,
  ) {
    // BullMQ's own connection must wait out outages instead of failing commands, unlike the shared one.
    this.connection = createRedis(redisUrl, { maxRetriesPerRequest: null, label: 'Queues' });
    this.timers = new Queue<TimerJob>(TIMERS_QUEUE, { connection: this.connection, prefix, defaultJobOptions: TIMER_JOB_DEFAULTS });
    this.webhooks = new Queue<DeliveryJob>(WEBHOOKS_QUEUE, {
      connection: this.connection,
      prefix,
      defaultJobOptions: DELIVERY_JOB_DEFAULTS,
    });
  }

  all(): Queue[] {
    return [this.timers, this.webhooks] as Queue[];
  }

  async close(timeoutMs = 2_000): Promise<void> {
    try {
      await withTimeout(Promise.all(this.all().map((queue) => queue.close())), timeoutMs, 'queues did not close in time');
    } finally {
      this.connection.disconnect();
    }
  }
}
