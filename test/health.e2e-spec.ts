import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@app/config';
import { createApi } from '../apps/api/src/create-api';
import { freePort, tempSqlitePath } from './support/processes';
import { dropQueues, uniquePrefix } from './support/queues';

type Indicator = { status: 'up' | 'down'; message?: string; adapter?: string };
type HealthBody = { status: string; info: Record<string, Indicator>; error: Record<string, Indicator> };

// Queues under a prefix of this file's own on the shared Redis.
const QUEUE_PREFIX = uniquePrefix();
afterAll(() => dropQueues('redis://127.0.0.1:6379', QUEUE_PREFIX));

async function startApi(env: Record<string, string>): Promise<{ app: NestFastifyApplication; url: string }> {
  const port = await freePort();
  const config = loadConfig({ SQLITE_PATH: tempSqlitePath(), PORT: String(port), QUEUE_PREFIX, ...env });
  const app = await createApi(config);
  app.useLogger(false);
  await app.listen(config.PORT, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${port}` };
}

describe('GET /health', () => {
  it('answers 200 when the event store and Redis both answer', async () => {
    const { app, url } = await startApi({});
    try {
      const response = await fetch(`${url}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        info: { eventStore: { status: 'up', adapter: 'sqlite' }, redis: { status: 'up' } },
      });
    } finally {
      await app.close();
    }
  });

  it('answers 503 naming Redis when Redis does not answer', async () => {
    const { app, url } = await startApi({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      const response = await fetch(`${url}/health`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as HealthBody;
      expect(body.error).toEqual({ redis: expect.objectContaining({ status: 'down', message: expect.any(String) }) });
      expect(body.info.eventStore.status).toBe('up');
    } finally {
      await app.close();
    }
  });

  it('answers 503 naming the event store when EventStoreDB is unreachable', async () => {
    const port = await freePort();
    const { app, url } = await startApi({
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: `esdb://127.0.0.1:${port}?tls=false`,
    });
    try {
      const response = await fetch(`${url}/health`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as HealthBody;
      expect(body.error).toEqual({ eventStore: expect.objectContaining({ status: 'down', adapter: 'eventstoredb' }) });
      expect(body.info.redis.status).toBe('up');
    } finally {
      await app.close();
    }
  });
});
