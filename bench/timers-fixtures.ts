import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import { loadConfig } from '@app/config';
import { EVENT_STORE, type EventStore, type NewEvent } from '@app/event-store';
import { BAC_GIANG_GRADUATE_V1 } from '@app/pipeline';
import { PipelineQueues } from '@app/scheduling';
import { WorkerRootModule } from '../apps/worker/src/worker-root.module';
import { scratchFile } from './fixtures';

/** Redis db 8 is the benchmarks' own: nothing else on the shared server uses it. */
export const BENCH_REDIS_URL = 'redis://127.0.0.1:6379/8';

/** A round whose registration window closes at `closesAt`: one deadline, with the given reminders. */
export function roundOpened(roundId: string, closesAt: Date, reminderDaysBefore: number[] = []): NewEvent {
  return {
    id: randomUUID(),
    type: 'RoundOpened',
    schemaVersion: 1,
    data: {
      roundId,
      name: `Đợt đo ${roundId}`,
      provinceCode: '24',
      definition: { id: BAC_GIANG_GRADUATE_V1.id, version: BAC_GIANG_GRADUATE_V1.version },
      registrationOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
      registrationClosesAt: closesAt.toISOString(),
      registrationReminderDaysBefore: reminderDaysBefore,
      titles: ['finance-accounting'],
      selectionRules: BAC_GIANG_GRADUATE_V1.selection,
    },
    metadata: {
      correlationId: 'bench',
      causationId: 'bench',
      actor: { id: 'bench', role: 'province-board' },
      occurredAt: new Date().toISOString(),
    },
  };
}

export interface WorkerUnderTest {
  app: INestApplicationContext;
  store: EventStore;
  queues: PipelineQueues;
  close(): Promise<void>;
}

/** The worker process's modules on a store (a scratch one by default) and a fresh queue prefix in the benchmarks' Redis db. */
export async function startWorker(sqlitePath = scratchFile('timers')): Promise<WorkerUnderTest> {
  const config = loadConfig({
    SQLITE_PATH: sqlitePath,
    REDIS_URL: BENCH_REDIS_URL,
    QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
    TIMERS_TICK_MS: '50',
    TIMERS_CONCURRENCY: '32',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  });
  const app = await NestFactory.createApplicationContext(WorkerRootModule.forRoot(config), { logger: ['error'] });
  const queues = app.get(PipelineQueues);
  return {
    app,
    store: app.get<EventStore>(EVENT_STORE),
    queues,
    close: async () => {
      await queues.timers.obliterate({ force: true });
      await queues.webhooks.obliterate({ force: true });
      await app.close();
    },
  };
}

/** Appends one event per stream, 64 appends in flight (the store's group commit batches them). */
export async function appendRounds(store: EventStore, events: NewEvent[]): Promise<void> {
  let next = 0;
  const writer = async () => {
    while (next < events.length) {
      const event = events[next++];
      await store.append(`round-${(event.data as { roundId: string }).roundId}`, [event]);
    }
  };
  await Promise.all(Array.from({ length: 64 }, writer));
}

export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timers bench: ${what} not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function emptyBenchRedis(): Promise<void> {
  const redis = new Redis(BENCH_REDIS_URL);
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
