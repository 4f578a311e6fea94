import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import Redis from 'ioredis';
import { freePort, runNode, tempSqlitePath } from './support/processes';
import { JWT_SECRET, startApi } from './support/api';
import { eventually } from './support/timers';

jest.setTimeout(30_000);

/**
 * A Redis of this test's own (the shared one must keep noeviction), started
 * with allkeys-lru: a policy under which Redis may drop queued jobs.
 */
describe('a Redis that may evict keys', () => {
  let server: ChildProcess;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru'],
      {
        stdio: 'ignore',
      },
    );
    await eventually(async () => {
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        probe.disconnect();
      }
    });
  });
  afterAll(async () => {
    server.kill('SIGTERM');
    await once(server, 'exit');
  });

  it('is reported loudly at the worker’s start', async () => {
    const worker = runNode('apps/worker/src/main.js', [], { SQLITE_PATH: tempSqlitePath(), REDIS_URL: url, JWT_SECRET });
    try {
      await worker.waitForOutput(/worker running/);
      await worker.waitForOutput(/Redis maxmemory-policy is "allkeys-lru", not "noeviction"/);
    } finally {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
  });

  it('is shown in /health, which still answers 200', async () => {
    const api = await startApi({ REDIS_URL: url });
    try {
      const response = await api.call('GET', '/health');
      expect(response.status).toBe(200);
      expect(response.body.info.queues.maxmemoryPolicy).toEqual({ policy: 'allkeys-lru', safe: false });
    } finally {
      await api.close();
    }
  });
});
