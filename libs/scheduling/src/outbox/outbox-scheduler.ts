import type { Queue } from 'bullmq';
import type Database from 'better-sqlite3';
import type Redis from 'ioredis';
import type { Clock } from '@app/common';
import { Generations, tableNames, type TableNames } from '@app/projections';
import { AFTER_EVERY_KEY, START_OF_OUTBOX, type Outbox, type OutboxCursor, type OutboxRow } from './outbox';
import { OutboxCursors } from './outbox-cursors';

export interface OutboxSchedulerOptions {
  /** QUEUE_PREFIX: cursors and the loss marker are kept per queue namespace. */
  prefix: string;
  clock: Clock;
  /** Redis connection for the marker that tells whether Redis still holds what was scheduled. */
  redis: Redis;
  /** Jobs per addBulk call. */
  batchSize?: number;
  /** addBulk calls in flight at once (measured: ~2× the rate of one at a time). */
  lanes?: number;
  log?: (message: string) => void;
}

export interface ReconcileReport {
  outbox: string;
  jobs: number;
  seconds: number;
}

/**
 * Keeps BullMQ in step with the read models' outboxes. Each pass: if Redis
 * lost the marker set at the last reconcile (FLUSHALL, eviction, a new
 * server) or this process has not reconciled yet, re-add every pending job;
 * then push the rows changed since the cursor (add pending jobs, remove
 * cancelled ones); then, unless the Clock is the wall clock, promote jobs it
 * says are due that BullMQ's wall-clock delay still holds back (a test's
 * clock jumped months ahead).
 * Passes and reconciles run one at a time.
 */
export class OutboxScheduler {
  private readonly cursors: OutboxCursors;
  private readonly generations: Generations;
  private readonly reconciled = new Set<string>();
  private readonly batchSize: number;
  private readonly lanes: number;
  private running: Promise<unknown> = Promise.resolve();
  private reconciling?: Promise<ReconcileReport[]>;

  constructor(
    private readonly db: Database.Database,
    readonly outboxes: readonly Outbox[],
    private readonly options: OutboxSchedulerOptions,
  ) {
    this.cursors = new OutboxCursors(db);
    this.generations = new Generations(db);
    this.batchSize = options.batchSize ?? 500;
    this.lanes = options.lanes ?? 4;
  }

  /** One scheduling pass over every outbox; resolves when done. */
  tick(): Promise<void> {
    return this.exclusive(async () => {
      for (const outbox of this.outboxes) await this.pass(outbox);
    });
  }

  /**
   * Re-adds every pending job of every outbox (idempotent: existing job ids are left alone).
   * A call while one is queued or running joins it: while Redis is down, the periodic calls do not pile up.
   */
  reconcile(): Promise<ReconcileReport[]> {
    this.reconciling ??= this.exclusive(async () => {
      const reports: ReconcileReport[] = [];
      for (const outbox of this.outboxes) {
        const tables = this.liveTables(outbox);
        if (tables) reports.push((await this.reconcileOne(outbox, tables)).report);
      }
      return reports;
    }).finally(() => (this.reconciling = undefined));
    return this.reconciling;
  }

  /** Waits for the pass or reconcile in progress, if any. */
  async idle(): Promise<void> {
    await this.running.catch(() => undefined);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.running.catch(() => undefined).then(task);
    this.running = next;
    return next;
  }

  private liveTables(outbox: Outbox): TableNames | undefined {
    const live = this.generations.live(outbox.projection.name);
    return live && tableNames(outbox.projection, live.generation);
  }

  private async pass(outbox: Outbox): Promise<void> {
    const live = this.generations.live(outbox.projection.name);
    if (!live) return;
    const tables = tableNames(outbox.projection, live.generation);
    const marker = this.marker(outbox);
    const lost = this.reconciled.has(outbox.name) && (await this.options.redis.exists(marker)) === 0;
    if (lost)
      this.options.log?.(
        `${outbox.name}: Redis no longer holds what was scheduled (flushed, evicted or replaced); re-adding every pending job`,
      );
    let cursor = this.cursors.get(outbox.name, this.options.prefix, live.generation);
    if (lost || !this.reconciled.has(outbox.name) || !cursor) {
      const { until, report } = await this.reconcileOne(outbox, tables);
      if (report.jobs > 0 || lost)
        this.options.log?.(`${outbox.name}: ${report.jobs} pending jobs re-added in ${report.seconds.toFixed(1)} s`);
      if (!cursor) {
        // Everything up to here was just added; from now on follow the changes.
        cursor = until ?? START_OF_OUTBOX;
        this.cursors.save(outbox.name, this.options.prefix, live.generation, cursor);
      }
    }
    await this.push(outbox, tables, live.generation, cursor);
    if (outbox.dueBy) await this.promote(outbox, tables);
  }

  private async reconcileOne(outbox: Outbox, tables: TableNames): Promise<{ until?: OutboxCursor; report: ReconcileReport }> {
    const started = performance.now();
    // Read before the rows: anything changed later has a later position and is pushed by the next pass.
    const last = outbox.lastChange(this.db, tables);
    // Set before adding: if Redis loses data during the reconcile, the marker is gone too and the next pass reconciles again.
    await this.options.redis.set(this.marker(outbox), new Date().toISOString());
    this.reconciled.add(outbox.name);
    const page = this.batchSize * this.lanes;
    let after = '';
    let jobs = 0;
    for (;;) {
      const rows = outbox.pendingAfter(this.db, tables, after, page);
      await this.add(outbox.queue, rows);
      jobs += rows.length;
      if (rows.length < page) break;
      after = rows[rows.length - 1].cursor.key;
    }
    return {
      until: last && { ...last, key: AFTER_EVERY_KEY },
      report: { outbox: outbox.name, jobs, seconds: (performance.now() - started) / 1000 },
    };
  }

  private async push(outbox: Outbox, tables: TableNames, generation: number, from: OutboxCursor): Promise<void> {
    const page = this.batchSize * this.lanes;
    let cursor = from;
    for (;;) {
      const rows = outbox.changedSince(this.db, tables, cursor, page);
      if (rows.length === 0) return;
      await this.add(
        outbox.queue,
        rows.filter((row) => row.status === 'pending'),
      );
      await Promise.all(rows.filter((row) => row.status === 'cancelled').map((row) => this.remove(outbox.queue, row.jobId)));
      cursor = rows[rows.length - 1].cursor;
      this.cursors.save(outbox.name, this.options.prefix, generation, cursor);
      if (rows.length < page) return;
    }
  }

  /** addBulk in chunks, several in flight; each job's delay runs from the Clock, not the wall clock. */
  private async add(queue: Queue, rows: OutboxRow[]): Promise<void> {
    const now = this.options.clock.now().getTime();
    const chunks: OutboxRow[][] = [];
    for (let start = 0; start < rows.length; start += this.batchSize) chunks.push(rows.slice(start, start + this.batchSize));
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < chunks.length) {
        const chunk = chunks[next++];
        await queue.addBulk(
          chunk.map((row) => ({
            name: row.name,
            data: row.data,
            opts: { ...row.opts, jobId: row.jobId, delay: Math.max(0, row.runAt - now) },
          })),
        );
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.lanes, chunks.length) }, lane));
  }

  private async remove(queue: Queue, jobId: string): Promise<void> {
    // A job already running cannot be removed; it runs, and the domain ignores it as stale.
    await queue.remove(jobId).catch(() => undefined);
  }

  /** BullMQ delays run on the wall clock; when the Clock is another (a test's), jobs it says are due are moved on at once. */
  private async promote(outbox: Outbox, tables: TableNames): Promise<void> {
    if (this.options.clock.isWallClock) return;
    const now = this.options.clock.now().getTime();
    const due = outbox.dueBy!(this.db, tables, now, 1_000);
    await Promise.all(
      due.map(async (jobId) => {
        const job = await outbox.queue.getJob(jobId);
        if (job && (await job.isDelayed())) await job.promote().catch(() => undefined);
      }),
    );
  }

  private marker(outbox: Outbox): string {
    return `${this.options.prefix}:scheduler:${outbox.name}:reconciled-at`;
  }
}
