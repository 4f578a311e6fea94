import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type AppendResult } from '@app/event-store';
import { candidateInPracticum } from '../../pipeline/src/candidate/candidate.test-fixtures';
import { checkConsistency, openReadModelDb, ProjectionsHost, ReadModels, reached } from '@app/projections';
import { deadlinesProjection, READ_MODEL_PROJECTIONS, webhooksProjection } from '../src';

const STREAM = 'candidate-candidate-1';
const V1 = 'candidate-1/practicum-end/1';
const V2 = 'candidate-1/practicum-end/2';

describe('the deadlines read model', () => {
  let store: SqliteEventStore;
  let db: Database.Database;
  let host: ProjectionsHost;
  let readModels: ReadModels;

  const append = async (stream: string, events: { type: string; data: unknown }[], role = 'province-board'): Promise<AppendResult> => {
    const result = await store.append(
      stream,
      events.map((event) => ({
        id: randomUUID(),
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: { correlationId: 'c', causationId: 'c', actor: { id: role, role }, occurredAt: '2026-11-02T01:00:00.000Z' },
      })),
    );
    const names = READ_MODEL_PROJECTIONS.map((definition) => definition.name);
    await readModels.waitFor(result.position, names, 5_000);
    expect(names.every((name) => reached(readModels.position(name), result.position))).toBe(true);
    return result;
  };
  const rows = (table: 'deadlines' | 'timers', where = '1 = 1') =>
    db.prepare(`SELECT * FROM "${readModels.tables(deadlinesProjection)[table]}" WHERE ${where} ORDER BY 1`).all() as Record<
      string,
      unknown
    >[];
  const states = (table: 'deadlines' | 'timers') => Object.fromEntries(rows(table).map((row) => [Object.values(row)[0], row.state]));

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deadlines-'));
    store = new SqliteEventStore({ path: join(dir, 'events.db'), pollIntervalMs: 10 });
    db = openReadModelDb(join(dir, 'read-models.db'));
    host = new ProjectionsHost(store, db, READ_MODEL_PROJECTIONS, { checkIntervalMs: 20 });
    readModels = new ReadModels(db);
    host.onProgress(() => readModels.progressed());
    await host.start();
  });
  afterAll(async () => {
    await host.stop();
    await store.close();
    db.close();
  });

  it('holds a practicum’s end and its reminders from the event that started it', async () => {
    await append(STREAM, candidateInPracticum().events);
    expect(rows('deadlines')).toEqual([
      expect.objectContaining({
        deadline_id: V1,
        stream_id: STREAM,
        kind: 'practicum-end',
        version: 1,
        subject_id: 'candidate-1',
        subject_name: 'Nguyễn Thị Hương Giang',
        unit: 'district-216',
        district: '216',
        due_at: Date.parse('2027-02-02T01:00:00.000Z'),
        state: 'pending',
      }),
    ]);
    expect(states('timers')).toEqual({
      [`${STREAM}--practicum-end--v1`]: 'pending',
      [`${STREAM}--practicum-end--v1--r14d`]: 'pending',
      [`${STREAM}--practicum-end--v1--r3d`]: 'pending',
    });
  });

  it('cancels it when the candidate exits, and starts a new version when the exit is reversed', async () => {
    await append(STREAM, [{ type: 'CandidateExited', data: { reason: 'illness', stepId: 'district-practicum', note: '' } }]);
    expect(rows('deadlines')).toEqual([expect.objectContaining({ deadline_id: V1, state: 'cancelled', ended_by: 'CandidateExited' })]);
    expect(Object.values(states('timers'))).toEqual(['cancelled', 'cancelled', 'cancelled']);

    await append(STREAM, [{ type: 'CandidateExitReversed', data: { reason: 'Đã khỏi bệnh' } }]);
    expect(states('deadlines')).toEqual({ [V1]: 'cancelled', [V2]: 'pending' });
    expect(rows('timers', "state = 'pending'").map((row) => row.job_id)).toEqual([
      `${STREAM}--practicum-end--v2`,
      `${STREAM}--practicum-end--v2--r14d`,
      `${STREAM}--practicum-end--v2--r3d`,
    ]);
  });

  it('marks a reminder done when it is issued, and fans it out to the webhooks of the units it names', async () => {
    const webhook = (webhookId: string, unit: string) => ({
      type: 'WebhookRegistered',
      data: { webhookId, unit, url: `https://${unit}.example.vn/`, description: '', secretNonce: 'n' },
    });
    await append('webhook-w-216', [webhook('w-216', 'district-216')], 'district-board');
    await append('webhook-w-217', [webhook('w-217', 'district-217')], 'district-board');
    const reminder = await append(
      `reminder-${STREAM}--practicum-end--v2--r14d`,
      [
        {
          type: 'DeadlineReminderIssued',
          data: {
            deadlineId: V2,
            kind: 'practicum-end',
            dueAt: '2027-02-02T01:00:00.000Z',
            daysBefore: 14,
            remindAt: '2027-01-19T01:00:00.000Z',
            subject: { streamId: STREAM, id: 'candidate-1', name: 'Nguyễn Thị Hương Giang' },
            units: ['district-216', 'province'],
          },
        },
      ],
      'system',
    );
    expect(rows('timers', `job_id = '${STREAM}--practicum-end--v2--r14d'`)).toEqual([
      expect.objectContaining({ state: 'done', change_commit: Number(reminder.position.commit) }),
    ]);
    const deliveries = db
      .prepare(`SELECT webhook_id, unit, status, round, payload FROM "${readModels.tables(webhooksProjection).deliveries}"`)
      .all();
    expect(deliveries).toEqual([{ webhook_id: 'w-216', unit: 'district-216', status: 'pending', round: 1, payload: expect.any(String) }]);
    expect(JSON.parse((deliveries[0] as { payload: string }).payload)).toMatchObject({
      type: 'deadline.reminder',
      unit: 'district-216',
      reminder: { deadlineId: V2, daysBefore: 14, subject: { name: 'Nguyễn Thị Hương Giang' } },
    });
  });

  it('fires the deadline on the scheduler’s own transition, cancelling the reminders left', async () => {
    await append(STREAM, [{ type: 'PracticumPeriodEnded', data: { stepId: 'district-practicum', deadlineId: V2 } }], 'system');
    expect(rows('deadlines', `deadline_id = '${V2}'`)).toEqual([
      expect.objectContaining({ state: 'fired', ended_by: 'PracticumPeriodEnded' }),
    ]);
    expect(
      Object.fromEntries(
        rows('timers', `deadline_id = '${V2}'`).map((row) => [row.action === 'fire' ? 'fire' : row.days_before, row.state]),
      ),
    ).toEqual({
      fire: 'done',
      14: 'done',
      3: 'cancelled',
    });
  });

  it('rebuilds to exactly the same rows from the log', async () => {
    for (const definition of READ_MODEL_PROJECTIONS) {
      const report = await checkConsistency(store, db, definition, { timeoutMs: 10_000 });
      expect(report).toMatchObject({ name: definition.name, consistent: true, differences: [] });
    }
  });
});
