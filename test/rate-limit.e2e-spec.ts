import { JWT_SECRET, startApi, tokenFor } from './support/api';
import { freePort, runNode, tempSqlitePath } from './support/processes';

describe('the rate limit per token', () => {
  it('is one limit across API processes sharing Redis; beyond it, 429 problem+json with Retry-After', async () => {
    const [first, second] = await Promise.all([startApi({ RATE_LIMIT_PER_MINUTE: '4' }), startApi({ RATE_LIMIT_PER_MINUTE: '4' })]);
    const caller = tokenFor('province-board');
    try {
      const remaining: (string | null)[] = [];
      for (const api of [first, second, first, second]) {
        const answer = await api.call('GET', '/reference/titles', { token: caller });
        expect(answer.status).toBe(200);
        remaining.push(answer.headers.get('x-ratelimit-remaining'));
      }
      expect(remaining).toEqual(['3', '2', '1', '0']);

      for (const api of [first, second]) {
        const limited = await api.call('GET', '/reference/titles', { token: caller });
        expect(limited).toMatchObject({ status: 429, body: { status: 429, code: 'RATE_LIMITED' } });
        expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        const retryAfter = Number(limited.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(60);
      }
      // The count is per token: another caller is served by either process.
      const other = tokenFor('auditor');
      expect((await first.call('GET', '/reference/titles', { token: other })).status).toBe(200);
      expect((await second.call('GET', '/reference/titles', { token: other })).status).toBe(200);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('counts one caller over all routes, not per route', async () => {
    const api = await startApi({ RATE_LIMIT_PER_MINUTE: '2' });
    const caller = tokenFor('auditor');
    try {
      expect((await api.call('GET', '/reference/titles', { token: caller })).status).toBe(200);
      expect((await api.call('GET', '/reference/exit-reasons', { token: caller })).status).toBe(200);
      expect((await api.call('GET', '/reference/placement-kinds', { token: caller })).status).toBe(429);
    } finally {
      await api.close();
    }
  });

  it('lets requests through while Redis is down, logging once that limits are not enforced', async () => {
    const port = await freePort();
    const api = runNode('apps/api/src/main.js', [], {
      PORT: String(port),
      HOST: '127.0.0.1',
      SQLITE_PATH: tempSqlitePath(),
      JWT_SECRET,
      RATE_LIMIT_PER_MINUTE: '2',
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    });
    try {
      await api.waitForOutput(/API listening on/);
      const caller = tokenFor('auditor');
      const statuses: number[] = [];
      for (let index = 0; index < 5; index += 1) {
        const response = await fetch(`http://127.0.0.1:${port}/reference/titles`, { headers: { authorization: `Bearer ${caller}` } });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      await api.waitForOutput(/rate limits not enforced while Redis cannot count requests/);
      expect(api.output().match(/rate limits not enforced/g)).toHaveLength(1);
      // Health is where the outage shows.
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(503);
      expect(JSON.stringify(await health.json())).toContain('redis');
    } finally {
      api.child.kill('SIGTERM');
      await api.exited;
    }
  });
});
