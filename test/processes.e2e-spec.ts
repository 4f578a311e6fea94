import { existsSync } from 'node:fs';
import { SqliteEventStore } from '@app/event-store';
import { JWT_SECRET, tokenFor } from './support/api';
import { freePort, runNode, tempSqlitePath } from './support/processes';
import { dropQueues, uniquePrefix } from './support/queues';

const API = 'apps/api/src/main.js';
const WORKER = 'apps/worker/src/main.js';

describe('the processes', () => {
  // The worker's queues live under a prefix of this run's own on the shared Redis.
  const QUEUE_PREFIX = uniquePrefix();
  afterAll(() => dropQueues('redis://127.0.0.1:6379', QUEUE_PREFIX));

  it('npm start: runs API and worker in one process on the embedded store, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const sqlitePath = tempSqlitePath();
    const app = runNode(API, ['--with-worker'], { PORT: String(port), HOST: '127.0.0.1', SQLITE_PATH: sqlitePath, QUEUE_PREFIX });
    await app.waitForOutput(/API listening on .* \(event store: sqlite, worker in process\)/);
    expect(app.output()).toContain('worker started');
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);

    app.child.kill('SIGTERM');
    const { code, signal } = await app.exited;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(app.output()).toContain('worker stopped on SIGTERM');
    // The store was closed, not abandoned: SQLite removes its log on a clean close.
    expect(existsSync(sqlitePath)).toBe(true);
    expect(existsSync(`${sqlitePath}-wal`)).toBe(false);
  });

  it('start:worker runs the worker alone, without an HTTP server', async () => {
    const worker = runNode(WORKER, [], { SQLITE_PATH: tempSqlitePath(), QUEUE_PREFIX });
    await worker.waitForOutput(/worker running \(event store: sqlite\)/);
    expect(worker.output()).not.toMatch(/listening/);
    worker.child.kill('SIGTERM');
    await worker.exited;
    expect(worker.output()).toContain('worker stopped on SIGTERM');
  });

  it('start:api and start:worker apart: the worker feeds the read models the API reads, across processes', async () => {
    const port = await freePort();
    const env = { PORT: String(port), HOST: '127.0.0.1', SQLITE_PATH: tempSqlitePath(), QUEUE_PREFIX, JWT_SECRET };
    const api = runNode(API, [], env);
    const worker = runNode(WORKER, [], env);
    try {
      await api.waitForOutput(/API listening on .* \(event store: sqlite\)/);
      await worker.waitForOutput(/worker running/);
      expect(api.output()).toContain('this process only reads them');
      const province = tokenFor('province-board');
      const opened = await fetch(`http://127.0.0.1:${port}/rounds`, {
        method: 'POST',
        headers: { authorization: `Bearer ${province}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          roundId: 'bg-2026-processes',
          name: 'Đợt tuyển chọn 2026',
          provinceCode: '24',
          registrationOpensAt: '2026-01-01T00:00:00+07:00',
          registrationClosesAt: '2099-01-01T00:00:00+07:00',
        }),
      });
      expect(opened.status).toBe(201);
      const { position } = (await opened.json()) as { position: string };
      // The API waits for the worker's projection to reach its own write, read back from the shared file.
      const board = await fetch(`http://127.0.0.1:${port}/reports/step-funnel?roundId=bg-2026-processes&minPosition=${position}`, {
        headers: { authorization: `Bearer ${province}` },
      });
      expect(board.status).toBe(200);
      const status = (await (
        await fetch(`http://127.0.0.1:${port}/projections`, { headers: { authorization: `Bearer ${province}` } })
      ).json()) as {
        projections: { name: string; state: string; position: string }[];
      };
      const funnel = status.projections.find((projection) => projection.name === 'step-funnel')!;
      expect(funnel.state).toBe('remote');
      expect(BigInt(funnel.position)).toBeGreaterThanOrEqual(BigInt(position));
    } finally {
      api.child.kill('SIGTERM');
      worker.child.kill('SIGTERM');
      await Promise.all([api.exited, worker.exited]);
    }
  }, 30_000);

  it('refuses to start with a bad variable, naming it and its rule', async () => {
    const app = runNode(API, [], { PORT: '70000', EVENT_STORE: 'mongodb' });
    const { code } = await app.exited;
    expect(code).toBe(1);
    expect(app.output()).toContain('PORT must be between 1 and 65535 (got "70000")');
    expect(app.output()).toContain('EVENT_STORE must be one of: sqlite, eventstoredb (got "mongodb")');
    expect(app.output()).not.toMatch(/\n\s+at /);
  });

  it('on SIGTERM finishes the append in flight: every batch started is stored whole', async () => {
    const sqlitePath = tempSqlitePath();
    const writer = runNode('test/processes/append-until-killed.js', ['term', '2000'], {
      EVENT_STORE: 'sqlite',
      SQLITE_PATH: sqlitePath,
      CLOSE_ON_SIGTERM: '1',
    });
    await writer.waitForOutput(/ack crash-term-2\n/);
    writer.child.kill('SIGTERM');
    const { code } = await writer.exited;
    expect(code).toBe(0);
    const lines = (kind: string) => [...writer.output().matchAll(new RegExp(`^${kind} (\\S+)$`, 'gm'))].map((match) => match[1]);
    const [started, acked, refused] = [lines('start'), lines('ack'), lines('refused')];
    // Each append was either finished and acknowledged, or refused whole because the store was closing.
    expect([...acked, ...refused].sort()).toEqual([...started].sort());
    expect(refused.length).toBeLessThanOrEqual(1);
    expect(writer.output()).toContain('closed');
    const store = new SqliteEventStore({ path: sqlitePath });
    for (const stream of acked) expect(await store.readStream(stream)).toHaveLength(2000);
    for (const stream of refused) expect(await store.readStream(stream)).toHaveLength(0);
    await store.close();
  });
});
