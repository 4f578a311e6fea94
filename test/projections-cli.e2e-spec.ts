import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { READ_MODEL_PROJECTIONS } from '@app/read-models';
import { AdminUnits } from '../apps/api/src/reference/admin-units';
import { appendHistory, HistoryClock, pipelineHistory } from './fixtures/pipeline-history';
import { runNode, tempSqlitePath } from './support/processes';

/** `name vN`, as the CLI names a read model: each has its own version. */
const named = (name: string) => `${name} v${READ_MODEL_PROJECTIONS.find((definition) => definition.name === name)!.version}`;

const communes = AdminUnits.fromFile()
  .inProvince('24')
  .map(({ code, name, districtCode }) => ({ code, name, districtCode }));

describe('npm run projections', () => {
  const eventsPath = tempSqlitePath();
  const env = { SQLITE_PATH: eventsPath, READ_MODEL_PATH: join(dirname(eventsPath), 'read-models.db') };
  let events = 0;

  /** Runs the compiled CLI to its end: exit code and everything it printed. */
  const cli = async (...args: string[]) => {
    const running = runNode('apps/worker/src/cli/projections.js', args, env);
    const { code } = await running.exited;
    return { code, output: running.output() };
  };

  beforeAll(async () => {
    const clock = new HistoryClock();
    const store = new SqliteEventStore({ path: eventsPath, now: clock.now });
    const history = pipelineHistory({ provinces: [{ code: '24', name: 'Tỉnh Bắc Giang', communes }], fromYear: 2023, years: 1, seed: 3 });
    events = (await appendHistory(store, clock, history)).events;
    await store.close();
  }, 60_000);

  it('shows the read models not built, rebuilds them all with progress, and then shows them at the head', async () => {
    const before = await cli('status');
    expect(before.code).toBe(0);
    expect(before.output).toContain(`${named('pipeline-board')}: not built`);
    const rebuilt = await cli('rebuild');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.output).toMatch(/rebuilding \|.*\| \d+% \| \d+ events\/s \| ETA/);
    for (const name of ['pipeline-board', 'needs-coverage', 'cohort-outcomes', 'step-funnel', 'programme-target']) {
      expect(rebuilt.output).toContain(`${name}: generation 1 (${named(name).split(' ')[1]}) is live at ${events}, ${events} events`);
    }
    const after = await cli('status');
    expect(after.output).toContain(`${named('needs-coverage')}: live, generation 1 at ${events}, ${events} events, 0 events / 0 s behind`);
  }, 60_000);

  it('checks consistency, and exits 1 with a readable diff when a row was altered', async () => {
    const clean = await cli('check');
    expect(clean.code).toBe(0);
    expect(clean.output).toContain(`step-funnel: consistent at position ${events}`);
    const db = new Database(env.READ_MODEL_PATH);
    const need = db.prepare('SELECT need_id, commune_name, quantity FROM rm_needs_coverage_g1_needs ORDER BY need_id LIMIT 1').get() as {
      need_id: string;
      commune_name: string;
      quantity: number;
    };
    db.prepare('UPDATE rm_needs_coverage_g1_needs SET quantity = 99 WHERE need_id = ?').run(need.need_id);
    db.close();
    const broken = await cli('check', 'needs-coverage');
    expect(broken.code).toBe(1);
    expect(broken.output).toContain(`needs-coverage: INCONSISTENT at position ${events}`);
    expect(broken.output).toContain('table needs: 1 row(s) only in the live copy, 1 only in a fresh build');
    expect(broken.output).toContain(`- live:    {"round_id":"p24-2023","need_id":"${need.need_id}"`);
    expect(broken.output).toContain(`"commune_name":"${need.commune_name}"`);
    expect(broken.output).toMatch(
      new RegExp(`\\+ rebuilt: \\{"round_id":"p24-2023","need_id":"${need.need_id}",.*"quantity":${need.quantity},`),
    );
    // A rebuild repairs it.
    expect((await cli('rebuild', 'needs-coverage')).code).toBe(0);
    expect(await cli('check', 'needs-coverage')).toMatchObject({ code: 0 });
  }, 60_000);

  it('stops a read model on an event it cannot apply, and retry clears the dead letter', async () => {
    const store = new SqliteEventStore({ path: eventsPath });
    const metadata = {
      correlationId: 'c',
      causationId: 'c',
      actor: { id: 'import', role: 'system' },
      occurredAt: new Date().toISOString(),
    };
    await store.append('candidate-broken', [{ id: randomUUID(), type: 'CandidateAdvanced', schemaVersion: 1, data: {}, metadata }]);
    await store.close();
    const failed = await cli('rebuild', 'pipeline-board');
    expect(failed.code).toBe(1);
    expect(failed.output).toMatch(/rebuild of "pipeline-board" stopped: CandidateAdvanced at \d+: TypeError/);
    const status = await cli('status');
    expect(status.output).toContain(`${named('pipeline-board')}: FAILED`);
    expect(status.output).toMatch(/error: CandidateAdvanced at \d+: TypeError/);
    const retried = await cli('retry', 'pipeline-board');
    expect(retried.code).toBe(0);
    expect(retried.output).toMatch(/pipeline-board: generation \d+ will retry CandidateAdvanced/);
    expect((await cli('status')).output).toMatch(new RegExp(`^${named('pipeline-board')}: live`, 'm'));
    expect(await cli('retry', 'pipeline-board')).toMatchObject({ code: 1 });
    expect(await cli('retry')).toMatchObject({ code: 2 });
    expect(await cli('check', 'no-such-model')).toMatchObject({ code: 2 });
  }, 60_000);
});
