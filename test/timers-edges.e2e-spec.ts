import { fireJobId, reminderJobId } from '@app/read-models';
import { tempSqlitePath } from './support/processes';
import { DAY, eventually, ok, startTimersApi, uniquePrefix, type TimersApi } from './support/timers';
import {
  applyAndSelect,
  candidate,
  daysFrom,
  eventTypes,
  openClass,
  openRound,
  passTraining,
  startPracticum,
  tokens,
} from './support/journey';

jest.setTimeout(30_000);

const count = (types: string[], type: string) => types.filter((candidate) => candidate === type).length;

describe('timers: cancellation, rescheduling, duplicates and stale jobs', () => {
  let api: TimersApi;
  beforeAll(async () => {
    api = await startTimersApi();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('cancels a practicum’s timers when the candidate exits, and sets a fresh one on the exit’s reversal', async () => {
    await openRound(api, 'r-exit');
    const id = await applyAndSelect(api, 'r-exit', '024201000001', 'Trần Văn Bình');
    await openClass(api, 'k-exit', 'r-exit');
    await passTraining(api, 'k-exit', id);
    const started = await startPracticum(api, id);
    await api.settle(started.position);
    const stream = `candidate-${id}`;
    const jobs = [
      fireJobId(stream, 'practicum-end', 1),
      reminderJobId(stream, 'practicum-end', 1, 14),
      reminderJobId(stream, 'practicum-end', 1, 3),
    ];
    for (const job of jobs) expect(await api.queues.timers.getJobState(job)).toBe('delayed');

    const exited = await ok(
      api.call('POST', `/candidates/${id}/exit`, { token: tokens.tanYen, body: { reason: 'illness', note: 'Ốm dài ngày' } }),
    );
    await api.settle(exited.position);
    for (const job of jobs) expect(await api.queues.timers.getJob(job)).toBeUndefined();
    const report = await ok(api.call('GET', '/reports/deadlines', { token: tokens.province }));
    expect(report.items.filter((row: any) => row.subject.id === id)).toEqual([]);

    // Four months later nothing has happened to the exited candidate; back in the programme, the overdue end fires at once.
    await api.advance(4 * 30 * DAY);
    expect(count(await eventTypes(api, stream), 'PracticumPeriodEnded')).toBe(0);
    const reversed = await ok(
      api.call('POST', `/candidates/${id}/exit-reversal`, { token: tokens.province, body: { reason: 'Đã khỏi bệnh' } }),
    );
    await api.settle(reversed.position);
    await eventually(async () => (await candidate(api, id)).stage.phase === 'awaiting-evaluation');
    const ended = (await api.events(stream)).filter((event) => event.type === 'PracticumPeriodEnded');
    expect(ended.map((event) => (event.data as { deadlineId: string }).deadlineId)).toEqual([`${id}/practicum-end/2`]);
  });

  it('lets an unanswered offer lapse when its acceptance window ends', async () => {
    const id = (await ok(api.call('GET', '/candidates?roundId=r-exit', { token: tokens.province }))).items[0].candidateId;
    await ok(
      api.call('POST', `/candidates/${id}/practicum/evaluation`, { token: tokens.tanYen, body: { satisfactory: true, comments: '' } }),
    );
    const offered = await ok(
      api.call('POST', `/candidates/${id}/placement-offer`, {
        token: tokens.province,
        body: { communeCode: '07351', title: 'finance-accounting', placementKind: 'commune-civil-servant' },
      }),
    );
    await api.settle(offered.position);
    await api.advance(15 * DAY);
    await eventually(async () => (await candidate(api, id)).stage.phase === 'awaiting-offer');
    expect(count(await eventTypes(api, `candidate-${id}`), 'AcceptanceWindowLapsed')).toBe(1);
  });

  it('moves the registration window’s close when the window is extended', async () => {
    await openRound(api, 'r-extend', 20);
    const extended = await ok(
      api.call('POST', '/rounds/r-extend/registration-window/extension', { token: tokens.province, body: { closesAt: daysFrom(api, 30) } }),
    );
    await api.settle(extended.position);
    expect(await api.queues.timers.getJob(fireJobId('round-r-extend', 'registration-window-close', 1))).toBeUndefined();
    expect(await api.queues.timers.getJobState(fireJobId('round-r-extend', 'registration-window-close', 2))).toBe('delayed');

    await api.advance(20 * DAY);
    expect((await ok(api.call('GET', '/rounds/r-extend', { token: tokens.province }))).status).toBe('registering');
    await api.advance(10 * DAY);
    await eventually(
      async () => (await ok(api.call('GET', '/rounds/r-extend', { token: tokens.province }))).status === 'registration-closed',
    );
    const closed = (await api.events('round-r-extend')).filter((event) => event.type === 'RegistrationWindowClosed');
    expect(closed.map((event) => (event.data as { deadlineId: string }).deadlineId)).toEqual(['r-extend/registration-window-close/2']);
  });

  it('cancels the close’s timers when the province board closes the window early', async () => {
    await api.settle((await openRound(api, 'r-closed-early', 20)).position);
    const jobId = fireJobId('round-r-closed-early', 'registration-window-close', 1);
    expect(await api.queues.timers.getJobState(jobId)).toBe('delayed');
    const closed = await ok(api.call('POST', '/rounds/r-closed-early/registration-window/closure', { token: tokens.province }));
    await api.settle(closed.position);
    expect(await api.queues.timers.getJob(jobId)).toBeUndefined();
    const report = await ok(api.call('GET', '/reports/deadlines?roundId=r-closed-early', { token: tokens.province }));
    expect(report.items).toEqual([]);
  });

  it('changes nothing when a job fires twice or a stale job fires', async () => {
    const fired = await api.queues.timers.getJob(fireJobId('round-r-extend', 'registration-window-close', 2));
    const before = (await api.events('round-r-extend')).length;
    const duplicate = await api.queues.timers.add('fire', fired!.data, { jobId: 'duplicate-of-v2' });
    const stale = await api.queues.timers.add(
      'fire',
      { ...fired!.data, deadlineId: 'r-extend/registration-window-close/1' },
      { jobId: 'stale-v1' },
    );
    for (const job of [duplicate, stale]) {
      await eventually(async () => (await job.getState()) === 'completed');
    }
    expect((await api.queues.timers.getJob('duplicate-of-v2'))!.returnvalue).toMatch(/^ignored: the registration window is already closed/);
    expect((await api.queues.timers.getJob('stale-v1'))!.returnvalue).toMatch(/^ignored: /);
    expect((await api.events('round-r-extend')).length).toBe(before);
  });

  it('puts back a job that fires before its deadline until the deadline comes', async () => {
    const approved = await openRound(api, 'r-early', 5);
    await api.settle(approved.position);
    const planned = await api.queues.timers.getJob(fireJobId('round-r-early', 'registration-window-close', 1));
    const early = await api.queues.timers.add('fire', planned!.data, { jobId: 'early-r-early' });
    await eventually(
      async () => (await early.getState()) === 'delayed' && (await api.queues.timers.getJob(early.id!))!.attemptsStarted > 0,
    );
    // Put back for the time left by the clock (BullMQ counts the delay from its own reading of the wall clock: a ms may pass).
    const { delay } = (await api.queues.timers.getJob(early.id!))!;
    expect(delay).toBeLessThanOrEqual(5 * DAY);
    expect(delay).toBeGreaterThan(5 * DAY - 1_000);
    expect(await eventTypes(api, 'round-r-early')).not.toContain('RegistrationWindowClosed');

    await api.advance(5 * DAY);
    await eventually(async () => (await eventTypes(api, 'round-r-early')).includes('RegistrationWindowClosed'));
    // Its wall-clock delay would end in five real days; promoted now, it finds the window closed and changes nothing.
    await (await api.queues.timers.getJob(early.id!))!.promote();
    await eventually(async () => (await api.queues.timers.getJobState(early.id!)) === 'completed');
    expect(count(await eventTypes(api, 'round-r-early'), 'RegistrationWindowClosed')).toBe(1);
  });
});

describe('timers while the worker is down', () => {
  it('fires, once, the deadlines that came due while no worker ran', async () => {
    const prefix = uniquePrefix();
    const sqlitePath = tempSqlitePath();
    const first = await startTimersApi({ prefix, sqlitePath });
    const approved = await openRound(first, 'r-down', 5);
    await first.settle(approved.position);
    await first.stop(true);

    first.clock.advance(6 * DAY);
    const second = await startTimersApi({ prefix, sqlitePath, clock: first.clock });
    try {
      await eventually(async () => (await eventTypes(second, 'round-r-down')).includes('RegistrationWindowClosed'));
      await second.settle();
      await eventually(
        async () => (await second.queues.timers.getJobState(fireJobId('round-r-down', 'registration-window-close', 1))) === 'completed',
      );
      expect(count(await eventTypes(second, 'round-r-down'), 'RegistrationWindowClosed')).toBe(1);
    } finally {
      await second.stop();
    }
  });
});
