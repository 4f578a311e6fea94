import { fireJobId } from '@app/read-models';
import { DAY, eventually, ok, startTimersApi, type TimersApi } from './support/timers';
import {
  applyAndSelect,
  candidate,
  daysFrom,
  eventTypes,
  monthsAfter,
  openClass,
  openRound,
  passTraining,
  startPracticum,
  tokens,
} from './support/journey';

/**
 * Every timed transition from the HTTP command that starts a period to the
 * event its timer records, with months passing on a test clock: the round's
 * registration window, the class's planned end, the practicum, the trial; and
 * the steps between them, done by people over HTTP.
 */
jest.setTimeout(30_000);

describe('timed transitions, end to end', () => {
  let api: TimersApi;
  let candidateId: string;
  const notifications = async (token: string) => (await ok(api.call('GET', '/notifications', { token }))).items as any[];

  beforeAll(async () => {
    api = await startTimersApi();
    const approved = await openRound(api, 'bg-2026', 20);
    candidateId = await applyAndSelect(api, 'bg-2026', '024201001234', 'Nguyễn Thị Hương Giang');
    await api.settle(approved.position);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('closes the registration window by its timer, after reminding the province and every district 7 days before', async () => {
    const closesAt = daysFrom(api, 20);
    await api.advance(13 * DAY);
    const reminded = await eventually(async () =>
      (await notifications(tokens.langGiang)).find((n) => n.deadline.kind === 'registration-window-close'),
    );
    expect(reminded).toMatchObject({
      daysBefore: 7,
      deadline: { dueAt: closesAt },
      subject: { id: 'bg-2026', name: 'Đợt tuyển chọn bg-2026' },
    });
    expect(await notifications(tokens.tanYen)).toHaveLength(1);
    expect(await notifications(tokens.province)).toHaveLength(1);
    expect((await ok(api.call('GET', '/rounds/bg-2026', { token: tokens.province }))).status).toBe('registering');

    // Both the 1-day reminder and the close come due at once: the close wins, the late reminder is dropped.
    await api.advance(7 * DAY);
    await eventually(
      async () => (await ok(api.call('GET', '/rounds/bg-2026', { token: tokens.province }))).status === 'registration-closed',
    );
    const closed = (await api.events('round-bg-2026')).filter((event) => event.type === 'RegistrationWindowClosed');
    expect(closed).toHaveLength(1);
    expect(closed[0].data).toMatchObject({ trigger: 'deadline', deadlineId: 'bg-2026/registration-window-close/1' });
    expect(closed[0].metadata.actor).toEqual({ id: 'scheduler', role: 'system' });
    // The late reminder either ran and was ignored, or was removed once the close cancelled it.
    const late = 'round-bg-2026--registration-window-close--v1--r1d';
    await eventually(async () => ['completed', 'unknown'].includes(await api.queues.timers.getJobState(late)));
    const ran = await api.queues.timers.getJob(late);
    if (ran) expect(ran.returnvalue).toMatch(/^ignored: /);
    expect(await notifications(tokens.province)).toHaveLength(1);
  });

  it('reaches the training class’s planned end by its timer, moved by an extension', async () => {
    const { plannedEnd } = await openClass(api, 'k1', 'bg-2026', 7);
    const extended = await ok(
      api.call('POST', '/training-classes/k1/extension', { token: tokens.school, body: { plannedEnd: monthsAfter(plannedEnd, 1) } }),
    );
    await passTraining(api, 'k1', candidateId);
    await api.settle(extended.position);
    expect(await api.queues.timers.getJob(fireJobId('class-k1', 'training-planned-end', 1))).toBeUndefined();
    expect(await api.queues.timers.getJobState(fireJobId('class-k1', 'training-planned-end', 2))).toBe('delayed');

    await api.advance(Date.parse(plannedEnd) - api.clock.now().getTime());
    expect((await ok(api.call('GET', '/training-classes/k1', { token: tokens.school }))).status).toBe('open');

    await api.advance(Date.parse(monthsAfter(plannedEnd, 1)) - api.clock.now().getTime());
    await eventually(async () => (await ok(api.call('GET', '/training-classes/k1', { token: tokens.school }))).status === 'ended');
    expect((await eventTypes(api, 'class-k1')).filter((type) => type === 'TrainingClassPlannedEndReached')).toHaveLength(1);
  });

  it('ends the practicum three months after it starts, reminding Tân Yên’s board 14 and 3 days before', async () => {
    const started = await startPracticum(api, candidateId);
    const dueAt = monthsAfter(daysFrom(api, 0), 3);
    await api.settle(started.position);

    await api.advance(Date.parse(dueAt) - 14 * DAY - api.clock.now().getTime());
    await eventually(async () => (await notifications(tokens.tanYen)).some((n) => n.deadline.kind === 'practicum-end'));
    await api.advance(11 * DAY);
    await eventually(async () => (await notifications(tokens.tanYen)).filter((n) => n.deadline.kind === 'practicum-end').length === 2);
    const reminders = (await notifications(tokens.tanYen)).filter((n) => n.deadline.kind === 'practicum-end');
    expect(reminders.map((n) => n.daysBefore)).toEqual([3, 14]);
    expect(reminders[0]).toMatchObject({ deadline: { dueAt }, subject: { id: candidateId, name: 'Nguyễn Thị Hương Giang' } });
    expect((await notifications(tokens.langGiang)).some((n) => n.deadline.kind === 'practicum-end')).toBe(false);
    expect((await candidate(api, candidateId)).stage.phase).toBe('in-progress');

    await api.advance(3 * DAY);
    await eventually(async () => (await candidate(api, candidateId)).stage.phase === 'awaiting-evaluation');
    expect((await eventTypes(api, `candidate-${candidateId}`)).filter((type) => type === 'PracticumPeriodEnded')).toHaveLength(1);
  });

  it('goes on through evaluation, labour contract, recruitment, the trial’s end by its timer, and succession planning', async () => {
    const run = (path: string, token: string, body?: unknown, status = 200) =>
      ok(api.call('POST', `/candidates/${candidateId}/${path}`, { token, body }), status);
    await run('practicum/evaluation', tokens.tanYen, { satisfactory: true, comments: 'Hoàn thành tốt nhiệm vụ' });
    await run('placement-offer', tokens.province, {
      communeCode: '07351',
      title: 'finance-accounting',
      placementKind: 'commune-civil-servant',
    });
    await run('placement-offer/acceptance', tokens.tanYen);
    await run('labour-contract', tokens.tanYen, { contractNumber: 'HĐLĐ 15/2027', startsOn: daysFrom(api, 1) });
    await run('recruitment-decision', tokens.homeAffairs, {
      title: 'finance-accounting',
      decision: { number: '120/QĐ-SNV', date: daysFrom(api, 2).slice(0, 10), issuer: 'Sở Nội vụ tỉnh Bắc Giang' },
    });
    const trialStart = daysFrom(api, 3);
    const trial = await run('trial', tokens.tanYen, { tasks: ['Theo dõi ngân sách xã'], startsOn: trialStart });
    await api.settle(trial.position);
    expect((await candidate(api, candidateId)).deadlines).toEqual([expect.objectContaining({ kind: 'trial-end' })]);

    await api.advance(Date.parse(monthsAfter(trialStart, 12)) - 1 - api.clock.now().getTime());
    expect((await candidate(api, candidateId)).stage.phase).toBe('in-trial');
    await api.advance(1);
    await eventually(async () => (await candidate(api, candidateId)).stage.phase === 'trial-ended');
    await run('trial/evaluation', tokens.tanYen, { passed: true, comments: 'Đạt yêu cầu' });
    const planned = await run('succession-planning', tokens.province, { posts: ['commune-chairman'] });
    expect((await candidate(api, candidateId)).status).toBe('completed');
    const types = await eventTypes(api, `candidate-${candidateId}`);
    expect(types.filter((type) => type === 'TrialPeriodEnded')).toHaveLength(1);
    const report = await ok(api.call('GET', `/reports/deadlines?minPosition=${planned.position}`, { token: tokens.province }));
    expect(report.items.filter((row: any) => row.subject.id === candidateId)).toEqual([]);
  });
});
