import { SqliteEventStore } from '@app/event-store';
import { runNode, tempSqlitePath } from './support/processes';
import { dropQueues, uniquePrefix } from './support/queues';

// Two processes of 460 durable commands each, with every read model kept up to date: seconds on a busy 2-core machine.
jest.setTimeout(30_000);

describe('npm run demo', () => {
  // Two processes of 461 durable commands each: on a busy disk (fsync at a few ms) that alone outlasts jest's 5 s default.
  it('populates a Bắc Giang round with 230 approved needs in 10 districts, and is safe to run twice', async () => {
    const sqlitePath = tempSqlitePath();
    const QUEUE_PREFIX = uniquePrefix();
    const env = { SQLITE_PATH: sqlitePath, JWT_SECRET_FILE: `${sqlitePath}.secret`, QUEUE_PREFIX };
    const first = runNode('apps/api/src/cli/demo.js', [], env);
    expect((await first.exited).code).toBe(0);
    expect(first.output()).toMatch(/230 needs registered and approved in 10 districts/);
    const second = runNode('apps/api/src/cli/demo.js', [], env);
    expect((await second.exited).code).toBe(0);
    expect(second.output()).toMatch(/already there/);

    await dropQueues('redis://127.0.0.1:6379', QUEUE_PREFIX);
    const store = new SqliteEventStore({ path: sqlitePath });
    const events = await store.readStream(`round-bac-giang-demo-${new Date().getFullYear()}`);
    await store.close();
    const registered = events.filter((event) => event.type === 'NeedRegistered');
    expect(registered).toHaveLength(230);
    expect(events.filter((event) => event.type === 'NeedApproved')).toHaveLength(230);
    expect(new Set(registered.map((event) => (event.data as { commune: { districtCode: string } }).commune.districtCode)).size).toBe(10);
    expect(registered.some((event) => (event.data as { commune: { name: string } }).commune.name === 'Xã Ngọc Vân')).toBe(true);
    expect(registered[0].metadata.actor.role).toBe('district-board');
    // Two processes and 460 durable commands: well over jest's 5 s default when the machine is shared.
  }, 60_000);
});
