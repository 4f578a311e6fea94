import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { Worker, type Job, type MinimalJob } from 'bullmq';
import { AppConfig } from '@app/config';
import { Clock, withTimeout } from '@app/common';
import { READ_MODEL_DB } from '@app/projections';
import {
  deliveriesOutbox,
  jitteredBackoff,
  OutboxScheduler,
  PipelineQueues,
  TIMER_BACKOFF_CAP_MS,
  TIMERS_QUEUE,
  timersOutbox,
  WEBHOOKS_QUEUE,
  type DeliveryJob,
  type ReconcileReport,
  type TimerJob,
} from '@app/scheduling';
import { WebhookDeliverer } from '../webhooks/webhook-deliverer';
import { jobContext, runTimedCommand } from './job-processors';
import { ReminderIssuer } from './reminder-issuer';
import { TimedTransitions } from './timed-transitions';

/** The first retry delay a job was added with (see job-options); a second without one. */
const baseDelayOf = (job?: MinimalJob) => (job?.opts.backoff as { delay?: number } | undefined)?.delay ?? 1_000;

/**
 * The worker's timers: the scheduler loop (outboxes → BullMQ, reconcile at
 * start, after Redis loss and every TIMERS_RECONCILE_INTERVAL_MS) and the
 * BullMQ workers that turn due jobs into commands and deliveries. Shutdown
 * stops the loop, then waits for the jobs in progress before the store closes.
 */
@Injectable()
export class TimersRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Timers');
  private scheduler?: OutboxScheduler;
  private workers: Worker[] = [];
  private tickTimer?: NodeJS.Timeout;
  private reconcileTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly queues: PipelineQueues,
    private readonly clock: Clock,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly transitions: TimedTransitions,
    private readonly reminders: ReminderIssuer,
    private readonly deliverer: WebhookDeliverer,
  ) {}

  onApplicationBootstrap(): void {
    const { config, queues } = this;
    this.scheduler = new OutboxScheduler(
      this.db,
      [
        timersOutbox(queues.timers),
        deliveriesOutbox(queues.webhooks, { attempts: config.WEBHOOK_MAX_ATTEMPTS, backoffMs: config.WEBHOOK_BACKOFF_MS }),
      ],
      { prefix: config.QUEUE_PREFIX, clock: this.clock, redis: queues.connection, log: (message) => this.logger.log(message) },
    );
    this.workers = [
      this.worker<TimerJob>(TIMERS_QUEUE, TIMER_BACKOFF_CAP_MS, (job, token) => this.runTimer(job, token)),
      this.worker<DeliveryJob>(WEBHOOKS_QUEUE, config.WEBHOOK_BACKOFF_MAX_MS, (job, token) =>
        this.deliverer.deliver(job, jobContext(WEBHOOKS_QUEUE, job), token),
      ),
    ];
    this.loop();
    this.reconcileTimer = setInterval(() => void this.reconcile(), config.TIMERS_RECONCILE_INTERVAL_MS);
    this.reconcileTimer.unref();
    this.logger.log(`timers running on queues ${config.QUEUE_PREFIX}:${TIMERS_QUEUE} and ${config.QUEUE_PREFIX}:${WEBHOOKS_QUEUE}`);
  }

  /** One scheduling pass now (after a test moved the clock, say); resolves when done. */
  runOnce(): Promise<void> {
    return this.scheduler!.tick();
  }

  /** Re-adds every pending job, as after a Redis loss. */
  reconcile(): Promise<ReconcileReport[]> {
    return this.scheduler!.reconcile().catch((error: Error) => {
      this.logger.warn(`reconcile failed, will retry: ${error.message}`);
      return [];
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.tickTimer);
    clearInterval(this.reconcileTimer);
    const grace = Math.max(1_000, this.config.SHUTDOWN_TIMEOUT_MS - 1_000);
    await withTimeout(this.scheduler?.idle() ?? Promise.resolve(), grace, 'scheduler pass did not finish').catch(() => undefined);
    // Worker.close() waits for the jobs in progress: their commands finish before the event store closes.
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private loop(): void {
    if (this.stopped) return;
    this.scheduler!.tick()
      .catch((error: Error) => this.logger.warn(`scheduling pass failed, will retry: ${error.message}`))
      .finally(() => {
        if (this.stopped) return;
        this.tickTimer = setTimeout(() => this.loop(), this.config.TIMERS_TICK_MS);
        this.tickTimer.unref();
      });
  }

  private runTimer(job: Job<TimerJob>, token?: string): Promise<string> {
    const context = jobContext(TIMERS_QUEUE, job);
    return runTimedCommand(job, token, this.clock, () =>
      job.data.action === 'fire' ? this.transitions.fire(job.data, context) : this.reminders.issue(job.data, job.id!, context),
    );
  }

  private worker<T>(name: string, backoffCapMs: number, process: (job: Job<T>, token?: string) => Promise<string>): Worker {
    const worker = new Worker<T>(name, process, {
      connection: this.queues.connection,
      prefix: this.config.QUEUE_PREFIX,
      concurrency: this.config.TIMERS_CONCURRENCY,
      lockDuration: this.config.TIMERS_LOCK_MS,
      stalledInterval: this.config.TIMERS_LOCK_MS,
      maxStalledCount: 5,
      settings: {
        backoffStrategy: (attemptsMade, _type, _error, job) => jitteredBackoff(attemptsMade, baseDelayOf(job), backoffCapMs),
      },
    });
    worker.on('failed', (job, error) => {
      // finishedOn is set only when the job moved to failed: out of attempts, or refused by the domain (UnrecoverableError, first attempt).
      if (job?.finishedOn) this.logger.warn(`${name} job ${job.id} failed for good: ${error.message}`);
    });
    worker.on('error', (error) => this.logger.warn(`${name} worker: ${error.message}`));
    return worker as Worker;
  }
}
