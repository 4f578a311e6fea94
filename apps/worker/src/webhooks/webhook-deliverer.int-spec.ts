import type { CommandBus } from '@nestjs/cqrs';
import { DelayedError, type Job } from 'bullmq';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { AppConfig } from '@app/config';
import { Generations, openReadModelDb, ReadModels, tableNames } from '@app/projections';
import { webhooksProjection } from '@app/read-models';
import type { DeliveryJob } from '@app/scheduling';
import { SCHEDULER_ACTOR } from '../../../api/src/commands/notification-models';
import { WebhookKey } from '../../../api/src/webhooks/webhook-key';
import { WebhookDeliverer } from './webhook-deliverer';

/**
 * The event store being down while an outcome is recorded is hard to stage
 * end to end, so the command bus here refuses like an unreachable store and
 * the job is a plain object that records being put back. The receiver, the
 * read model and the signing are real.
 */
describe('a webhook delivery whose outcome cannot be recorded', () => {
  let db: Database.Database;
  let server: Server;
  let answer = 200;
  let posts = 0;
  const config = { WEBHOOK_TIMEOUT_MS: 2_000, WEBHOOK_BACKOFF_MS: 1_000, WEBHOOK_BACKOFF_MAX_MS: 60_000 } as AppConfig;
  const storeDown = { execute: () => Promise.reject(new Error('event store unavailable')) } as unknown as CommandBus;
  const context = { actor: { ...SCHEDULER_ACTOR }, correlationId: 'c', causationId: 'c' };

  const job = (attemptsMade: number) => {
    const putBack: [number, string][] = [];
    const fake = {
      data: { deliveryId: 'd-1', webhookId: 'w-1', round: 1 },
      attemptsMade,
      opts: { attempts: 3 },
      moveToDelayed: (at: number, token: string) => {
        putBack.push([at, token]);
        return Promise.resolve();
      },
    };
    return { job: fake as unknown as Job<DeliveryJob>, putBack };
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      posts += 1;
      request.resume();
      response.statusCode = answer;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    db = openReadModelDb(join(mkdtempSync(join(tmpdir(), 'deliverer-')), 'read-models.db'));
    const { generation } = new Generations(db).create(webhooksProjection, 'building');
    const t = tableNames(webhooksProjection, generation);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    db.prepare(`INSERT INTO "${t.webhooks}" VALUES ('w-1', 'district-216', ?, 'test', 'nonce', 'active', 0)`).run(url);
    db.prepare(
      `INSERT INTO "${t.deliveries}" (delivery_id, webhook_id, unit, event_id, payload, round, status, created_at, updated_at, change_commit, change_prepare)
       VALUES ('d-1', 'w-1', 'district-216', 'e-1', '{}', 1, 'pending', 0, 0, 1, 1)`,
    ).run();
  });

  afterAll(async () => {
    db.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const deliverer = () => new WebhookDeliverer(new ReadModels(db), storeDown, config, new WebhookKey('k'.repeat(32)));

  it('puts a delivered job back, without using an attempt, instead of failing it', async () => {
    answer = 200;
    const before = posts;
    const { job: delivered, putBack } = job(0);
    await expect(deliverer().deliver(delivered, context, 'lock-token')).rejects.toBeInstanceOf(DelayedError);
    expect(posts).toBe(before + 1);
    expect(putBack).toEqual([[expect.any(Number), 'lock-token']]);
    expect(putBack[0][0]).toBeGreaterThan(Date.now());
  });

  it('puts the last failed attempt back too, so the delivery is dead-lettered once the store answers', async () => {
    answer = 500;
    const { job: last, putBack } = job(2);
    await expect(deliverer().deliver(last, context, 'lock-token')).rejects.toBeInstanceOf(DelayedError);
    expect(putBack).toHaveLength(1);
  });

  it('leaves an earlier failed attempt to BullMQ’s retries, recording nothing', async () => {
    answer = 500;
    const { job: early, putBack } = job(0);
    await expect(deliverer().deliver(early, context, 'lock-token')).rejects.toThrow('the receiver answered HTTP 500');
    expect(putBack).toEqual([]);
  });
});
