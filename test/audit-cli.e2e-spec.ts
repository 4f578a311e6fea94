import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ANCHOR_STREAM, readAnchor, type Anchor } from '@app/audit';
import { SqliteEventStore, type NewEvent } from '@app/event-store';
import { DIST, runNode, tempSqlitePath } from './support/processes';

const CLI = join(DIST, 'apps/api/src/cli/audit.js');
// Each CLI run is a new Node process (about half a second on an idle machine); several run per test.
jest.setTimeout(30_000);

function applied(fullName: string): NewEvent {
  const metadata = {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { id: 'e2e', role: 'district-board', unit: '216' },
    occurredAt: new Date().toISOString(),
  };
  return { id: randomUUID(), type: 'CandidateApplied', schemaVersion: 1, data: { fullName }, metadata };
}

/** `npm run audit -- …` as an operator runs it: a separate process on the same events file. */
function audit(sqlitePath: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, SQLITE_PATH: sqlitePath }, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('anchors written by the worker, checked and exported by npm run audit', () => {
  const sqlitePath = tempSqlitePath();
  let anchors: Anchor[] = [];

  beforeAll(async () => {
    const worker = runNode('apps/worker/src/main.js', [], { SQLITE_PATH: sqlitePath, ANCHOR_BLOCK_SIZE: '3', ANCHOR_INTERVAL_MS: '200' });
    await worker.waitForOutput(/anchoring the log in blocks/);
    const store = new SqliteEventStore({ path: sqlitePath });
    const names = ['Nguyễn Thị Hương Giang', 'Trần Văn Đức', 'Lê Thị Mai', 'Phạm Văn Hùng', 'Hoàng Thị Lan', 'Vũ Văn Nam', 'Đỗ Thị Hoa'];
    for (const [index, name] of names.entries()) await store.append(`candidate-cli-${index % 3}`, [applied(name)]);
    const deadline = Date.now() + 15_000;
    while (anchors.reduce((sum, anchor) => sum + anchor.eventCount, 0) < names.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      anchors = (await store.readStream(ANCHOR_STREAM)).map((event) => readAnchor(event) as Anchor);
    }
    await store.close();
    worker.child.kill('SIGTERM');
    await worker.exited;
  });

  it('the worker anchored full blocks of ANCHOR_BLOCK_SIZE and the tail after ANCHOR_INTERVAL_MS', () => {
    expect(anchors.map((anchor) => anchor.eventCount)).toEqual([3, 3, 1]);
  });

  it('verify prints the report and exits 0; against a published anchor hash too, and 1 when it differs', () => {
    const run = audit(sqlitePath, 'verify');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      eventsChecked: 10,
      streamsChecked: 4,
      anchorsChecked: 3,
      unanchoredEvents: 0,
    });
    expect(audit(sqlitePath, 'verify', '--anchor', `2:${anchors[2].anchorHash}`).code).toBe(0);
    const forged = audit(sqlitePath, 'verify', '--anchor', `2:${'0'.repeat(64)}`);
    expect(forged.code).toBe(1);
    expect(JSON.parse(forged.stdout).firstBrokenLink).toMatchObject({ revision: 2, reason: 'anchor-differs-from-published' });
    expect(audit(sqlitePath, 'verify', '--anchor', 'latest').code).toBe(2);
    expect(audit(sqlitePath, 'rewrite').stderr).toContain('usage: npm run audit');
  });

  it('export writes NDJSON, the whole history or one stream, Vietnamese intact', () => {
    const everything = audit(sqlitePath, 'export')
      .stdout.trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(everything).toHaveLength(10);
    expect(everything.filter((event) => event.streamId === ANCHOR_STREAM)).toHaveLength(3);
    const one = audit(sqlitePath, 'export', '--stream', 'candidate-cli-0')
      .stdout.trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(one.map((event) => event.data.fullName)).toEqual(['Nguyễn Thị Hương Giang', 'Phạm Văn Hùng', 'Đỗ Thị Hoa']);
  });

  it('verify exits 1 naming the event once a stored event has been edited behind the store’s back', () => {
    const db = new Database(sqlitePath);
    db.exec('DROP TRIGGER events_are_immutable');
    db.prepare(
      `UPDATE events SET data = json_set(data, '$.fullName', 'Nguyễn Văn Mạo') WHERE stream_id = 'candidate-cli-1' AND revision = 1`,
    ).run();
    const tampered = db.prepare(`SELECT position, event_id FROM events WHERE stream_id = 'candidate-cli-1' AND revision = 1`).get() as {
      position: number;
      event_id: string;
    };
    db.close();
    const run = audit(sqlitePath, 'verify');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: false,
      firstBrokenLink: {
        streamId: 'candidate-cli-1',
        revision: 1,
        position: String(tampered.position),
        eventId: tampered.event_id,
        reason: 'hash-mismatch',
      },
    });
  });
});
