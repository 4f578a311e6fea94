import { ManualClock } from '@app/common';
import { EVENT_STORE, parsePosition, type EventStore, type RecordedEvent } from '@app/event-store';
import { ReadModels } from '@app/projections';
import { READ_MODEL_PROJECTIONS } from '@app/read-models';
import { PipelineQueues } from '@app/scheduling';
import { TimersRunner } from '../../apps/worker/src/timers/timers-runner';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { startApi, type RunningApi } from './api';
import { tempSqlitePath } from './processes';
import { dropQueues, uniquePrefix } from './queues';

export { dropQueues, uniquePrefix };

export const DAY = 86_400_000;

export interface TimersApi extends RunningApi {
  clock: ManualClock;
  prefix: string;
  queues: PipelineQueues;
  store: EventStore;
  /** Waits until every read model includes `position` (a command's), then runs a scheduling pass. */
  settle(position?: string): Promise<void>;
  /** Moves the clock and runs a scheduling pass: the worker then sees what came due. */
  advance(ms: number): Promise<void>;
  events(streamId: string): Promise<RecordedEvent[]>;
  /** Stops the app; `keepQueues` leaves the Redis keys for a restart on the same prefix. */
  stop(keepQueues?: boolean): Promise<void>;
}

/**
 * The API with the worker in process and a clock the test moves: months pass
 * without sleeping. Jobs go to queues under a fresh prefix, deleted at stop.
 */
export async function startTimersApi(
  options: { clock?: ManualClock; prefix?: string; sqlitePath?: string; env?: Record<string, string> } = {},
): Promise<TimersApi> {
  const clock = options.clock ?? new ManualClock('2026-03-02T01:00:00.000Z');
  const prefix = options.prefix ?? uniquePrefix();
  const env: Record<string, string> = { QUEUE_PREFIX: prefix, TIMERS_TICK_MS: '50', WEBHOOK_BACKOFF_MS: '20', ...options.env };
  const api = await startApi(env, options.sqlitePath ?? tempSqlitePath(), { clock, alongside: [WorkerModule] });
  const runner = api.app.get(TimersRunner);
  const readModels = api.app.get(ReadModels);
  const queues = api.app.get(PipelineQueues);
  const store = api.app.get<EventStore>(EVENT_STORE);
  const names = READ_MODEL_PROJECTIONS.map((definition) => definition.name);
  const settle = async (position?: string) => {
    if (position && !(await readModels.waitFor(parsePosition(position), names, 5_000)))
      throw new Error(`read models never reached ${position}`);
    await runner.runOnce();
  };
  return {
    ...api,
    clock,
    prefix,
    queues,
    store,
    settle,
    advance: async (ms) => {
      clock.advance(ms);
      await runner.runOnce();
    },
    events: (streamId) => store.readStream(streamId),
    stop: async (keepQueues = false) => {
      await api.close();
      if (!keepQueues) await dropQueues(env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix);
    },
  };
}

/** Polls (every 20 ms) until `check` holds; never sleeps long. */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Answers with the body when the status is the one expected, and says what came back when not. */
export async function ok<T = any>(response: Promise<{ status: number; body: any }>, status = 200): Promise<T> {
  const result = await response;
  if (result.status !== status) throw new Error(`expected ${status}, got ${result.status}: ${JSON.stringify(result.body)}`);
  return result.body as T;
}
