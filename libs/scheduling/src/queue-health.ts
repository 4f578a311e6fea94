import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type Database from 'better-sqlite3';
import { Clock, withTimeout } from '@app/common';
import { Generations, READ_MODEL_DB, tableNames } from '@app/projections';
import { deadlinesProjection, pendingTimersIndex } from '@app/read-models';
import type { EvictionPolicy } from './eviction-policy';
import { PipelineQueues } from './pipeline-queues';

/**
 * Queue depth and failures from BullMQ, and the oldest deadline that is due
 * but has not fired yet from the deadlines read model (it counts jobs Redis
 * lost too). Informational: Redis being down is the redis indicator's to report.
 */
@Injectable()
export class QueueHealth {
  evictionPolicy?: EvictionPolicy;

  constructor(
    private readonly queues: PipelineQueues,
    private readonly health: HealthIndicatorService,
    private readonly clock: Clock,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  async check(key = 'queues', timeoutMs = 1_000): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    const details: Record<string, unknown> = { prefix: this.queues.prefix, oldestDueSeconds: this.oldestDueSeconds() };
    if (this.evictionPolicy) details.maxmemoryPolicy = { ...this.evictionPolicy };
    try {
      for (const queue of this.queues.all()) {
        const counts = await withTimeout(
          queue.getJobCounts('waiting', 'delayed', 'active', 'failed', 'completed'),
          timeoutMs,
          `no answer within ${timeoutMs} ms`,
        );
        details[queue.name] = counts;
      }
    } catch (error) {
      details.unavailable = (error as Error).message;
    }
    return indicator.up(details);
  }

  /**
   * Seconds since the oldest pending deadline came due; 0 when nothing is overdue. Null while the
   * deadlines read model catches up and has no index for it yet: the answer would be stale, and a scan.
   */
  private oldestDueSeconds(): number | null {
    const live = new Generations(this.db).live(deadlinesProjection.name);
    if (!live) return 0;
    const t = tableNames(deadlinesProjection, live.generation);
    const indexed = this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).pluck().get(pendingTimersIndex(t));
    if (!indexed) return null;
    const now = this.clock.now().getTime();
    const oldest = this.db
      .prepare(`SELECT MIN(run_at) FROM "${t.timers}" WHERE state = 'pending' AND action = 'fire' AND run_at <= ?`)
      .pluck()
      .get(now) as number | null;
    return oldest === null ? 0 : Math.round((now - oldest) / 1000);
  }
}
