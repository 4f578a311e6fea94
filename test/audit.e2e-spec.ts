import { startApi, tokenFor, type RunningApi } from './support/api';

const province = tokenFor('province-board');
const tanYen = tokenFor('district-board', '216');
const school = tokenFor('political-school');
const auditor = tokenFor('auditor');
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('auditing over HTTP', () => {
  let api: RunningApi;
  const positions: Record<string, string> = {};
  let candidateId = '';

  beforeAll(async () => {
    api = await startApi();
    // Each step in its own commit and millisecond, so positions and times tell them apart.
    const step = async (name: string, method: string, path: string, token: string, body?: unknown) => {
      await pause();
      const response = await api.call(method, path, { token, body, headers: { 'x-request-id': `req-${name}` } });
      if (response.status >= 300) throw new Error(`${name}: ${response.status} ${JSON.stringify(response.body)}`);
      positions[name] = response.body.position;
      return response.body;
    };
    const round = {
      roundId: 'audit-2026',
      name: 'Đợt kiểm tra 2026',
      provinceCode: '24',
      registrationOpensAt: inDays(-1),
      registrationClosesAt: inDays(20),
    };
    await step('open', 'POST', '/rounds', province, round);
    const need = { needId: 'ngoc-van', communeCode: '07351', title: 'justice-civil-status', quantity: 2, acceptedMajors: ['Luật'] };
    await step('register', 'POST', '/rounds/audit-2026/needs', tanYen, need);
    await step('amend', 'PATCH', '/rounds/audit-2026/needs/ngoc-van', tanYen, { quantity: 3 });
    const other = { needId: 'nghia-hoa', communeCode: '07378', title: 'justice-civil-status', quantity: 1, acceptedMajors: ['Luật'] };
    await step('register-other', 'POST', '/rounds/audit-2026/needs', province, other);
    await step('withdraw', 'POST', '/rounds/audit-2026/needs/nghia-hoa/withdrawal', province, { reason: 'Xã đã tuyển đủ' });
    await step('approve', 'POST', '/rounds/audit-2026/needs/ngoc-van/approval', province);
    const application = {
      roundId: 'audit-2026',
      needId: 'ngoc-van',
      nationalId: '024201007777',
      fullName: 'Nguyễn Thị Hương Giang',
      birthDate: '2002-04-12',
      education: { degree: 'university', studyMode: 'full-time', major: 'Luật', institution: 'Đại học Luật Hà Nội', graduationYear: 2025 },
      priorPosition: 'none-graduate-source',
    };
    candidateId = (await step('apply', 'POST', '/candidates', tanYen, application)).candidateId;
    await step('score', 'POST', `/candidates/${candidateId}/scores`, province, { test: 82, academic: 75, interview: 88 });
    const startsOn = inDays(10);
    const klass = { classId: 'k-audit', name: 'Lớp tạo nguồn khóa I', roundId: 'audit-2026', startsOn, plannedEnd: inDays(10 + 213) };
    await step('class', 'POST', '/training-classes', school, klass);
    await step('enrol', 'POST', '/training-classes/k-audit/enrolments', school, { candidateId });
  });
  afterAll(async () => {
    await api.close();
  });

  const history = async (query = '') => (await api.call('GET', `/audit/streams/round-audit-2026/events${query}`, { token: auditor })).body;

  it('lists a stream’s history with who, when, why, which request and the sealing hash, a page at a time', async () => {
    const first = await history('?limit=4');
    expect(first.events.map((event: { type: string }) => event.type)).toEqual([
      'RoundOpened',
      'NeedRegistered',
      'NeedAmended',
      'NeedRegistered',
    ]);
    expect(first.nextRevision).toBe(4);
    const rest = await history(`?fromRevision=${first.nextRevision}&limit=4`);
    expect(rest).toMatchObject({
      nextRevision: null,
      events: [{ type: 'NeedWithdrawn', reason: 'Xã đã tuyển đủ' }, { type: 'NeedApproved' }],
    });
    const [opened, registered, amended] = first.events;
    expect(amended).toMatchObject({
      streamId: 'round-audit-2026',
      revision: 2,
      position: positions.amend,
      schemaVersion: 2,
      data: { changes: { quantity: 3 } },
      actor: { id: 'e2e-district-board-216', role: 'district-board', unit: '216' },
      correlationId: 'req-amend',
      causationId: expect.any(String),
      occurredAt: expect.any(String),
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      previousHash: registered.hash,
    });
    expect(opened).toMatchObject({ previousHash: null, data: { name: 'Đợt kiểm tra 2026' } });
    expect(amended).not.toHaveProperty('reason');
  });

  it('refuses bad paging naming the field and rule, an unknown stream, and roles other than auditor and province board', async () => {
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=1001', 'limit'],
      ['?fromRevision=-1', 'fromRevision'],
      ['?page=2', 'page'],
    ]) {
      const refused = await api.call('GET', `/audit/streams/round-audit-2026/events${query}`, { token: auditor });
      expect(refused).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field })] } });
    }
    expect(await api.call('GET', '/audit/streams/round-nothing/events', { token: auditor })).toMatchObject({
      status: 404,
      body: { code: 'STREAM_NOT_FOUND' },
    });
    for (const token of [tanYen, school, tokenFor('home-affairs')]) {
      expect((await api.call('GET', '/audit/streams/round-audit-2026/events', { token })).status).toBe(403);
      expect((await api.call('GET', '/audit/verify', { token })).status).toBe(403);
    }
    expect((await api.call('GET', '/audit/export', { token: province })).status).toBe(200);
  });

  it('exports a stream and the whole history as streamed NDJSON that keeps Vietnamese text intact', async () => {
    const response = await fetch(`${api.url}/audit/streams/round-audit-2026/export`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const lines = (await response.text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual((await history()).events);

    const all = await fetch(`${api.url}/audit/export`, { headers: { authorization: `Bearer ${auditor}` } });
    const everything = (await all.text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(new Set(everything.map((event: { streamId: string }) => event.streamId))).toEqual(
      new Set(['round-audit-2026', `candidate-${candidateId}`, 'class-k-audit']),
    );
    expect(everything.map((event: { position: string }) => Number(event.position))).toEqual(everything.map((_, index) => index + 1));
    expect(everything.find((event: { type: string }) => event.type === 'CandidateApplied').data.fullName).toBe('Nguyễn Thị Hương Giang');
  });

  it('verifies every chain in the store', async () => {
    expect((await api.call('GET', '/audit/verify', { token: auditor })).body).toEqual({
      ok: true,
      eventsChecked: 10,
      streamsChecked: 3,
      anchorsChecked: 0,
      unanchoredEvents: 10,
      upTo: '10',
    });
  });

  it('checks anchor hashes published outside the store, and refuses one not written as <revision>:<hash>', async () => {
    const published = `0:${'ab'.repeat(32)}`;
    const checked = await api.call('GET', `/audit/verify?anchor=${published}&anchor=${published}`, { token: auditor });
    expect(checked.body).toMatchObject({
      ok: false,
      firstBrokenLink: {
        streamId: 'audit-anchors',
        revision: 0,
        reason: 'anchor-differs-from-published',
        detail: 'no such anchor in the store',
      },
    });
    const malformed = await api.call('GET', '/audit/verify?anchor=latest', { token: auditor });
    expect(malformed).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', errors: [{ field: 'anchor', rule: expect.stringContaining('<revision>:<anchorHash>') }] },
    });
  });

  it('rebuilds a round and one of its needs as they stood at a past position or instant', async () => {
    const atRegistration = await api.call('GET', `/audit/rounds/audit-2026/needs/ngoc-van/state?position=${positions.register}`, {
      token: auditor,
    });
    expect(atRegistration.body).toMatchObject({
      asked: { position: positions.register },
      revision: 1,
      position: positions.register,
      state: { needId: 'ngoc-van', quantity: 2, status: 'registered' },
    });
    const { events } = await history();
    expect(atRegistration.body.hash).toBe(events[1].hash);

    const amendedAt = events[2].recordedAt;
    const justBefore = new Date(Date.parse(amendedAt) - 1).toISOString();
    expect((await api.call('GET', `/audit/rounds/audit-2026/state?asOf=${amendedAt}`, { token: province })).body).toMatchObject({
      asked: { asOf: amendedAt },
      revision: 2,
      recordedAt: amendedAt,
      state: { status: 'registering', needs: [{ needId: 'ngoc-van', quantity: 3 }] },
    });
    expect((await api.call('GET', `/audit/rounds/audit-2026/state?asOf=${justBefore}`, { token: auditor })).body).toMatchObject({
      revision: 1,
      state: { needs: [{ quantity: 2 }] },
    });
    const beforeAnything = await api.call('GET', '/audit/rounds/audit-2026/state?asOf=2020-01-01T00:00:00Z', { token: auditor });
    expect(beforeAnything.body).toMatchObject({ revision: -1, position: null, hash: null, state: { status: 'not-opened' } });
    const needBeforeIt = await api.call('GET', `/audit/rounds/audit-2026/needs/ngoc-van/state?position=${positions.open}`, {
      token: auditor,
    });
    expect(needBeforeIt).toMatchObject({ status: 404, body: { code: 'NEED_NOT_FOUND' } });
  });

  it('rebuilds a candidate and a training class as they stood at a past position', async () => {
    const applied = await api.call('GET', `/audit/candidates/${candidateId}/state?position=${positions.apply}`, { token: auditor });
    expect(applied.body).toMatchObject({ revision: 0, state: { status: 'active', stage: { kind: 'selection', phase: 'applied' } } });
    const now = await api.call('GET', `/audit/candidates/${candidateId}/state?asOf=${new Date().toISOString()}`, { token: auditor });
    expect(now.body).toMatchObject({ revision: 1, state: { stage: { phase: 'scored', scores: { test: 82 } } } });
    const klass = await api.call('GET', `/audit/training-classes/k-audit/state?position=${positions.class}`, { token: auditor });
    expect(klass.body).toMatchObject({ revision: 0, state: { enrolments: [] } });
    expect((await api.call('GET', '/audit/candidates/audit-2026-0000000000000000/state?position=1', { token: auditor })).status).toBe(404);
  });

  it('asks for exactly one of asOf and position, each well formed', async () => {
    for (const [query, field] of [
      ['', 'asOf'],
      [`?asOf=2026-03-01T08:00:00Z&position=3`, 'asOf'],
      ['?asOf=yesterday', 'asOf'],
      ['?asOf=2026-03-01', 'asOf'],
      ['?asOf=2026-02-30T08:00:00Z', 'asOf'],
      ['?position=-4', 'position'],
      ['?position=abc', 'position'],
    ]) {
      const refused = await api.call('GET', `/audit/rounds/audit-2026/state${query}`, { token: auditor });
      expect(refused).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field })] } });
    }
  });

  it('has no route that edits or deletes an event: PUT, PATCH and DELETE are refused and change nothing', async () => {
    const before = { history: await history(), verify: (await api.call('GET', '/audit/verify', { token: auditor })).body };
    const paths = [
      '/audit/verify',
      '/audit/export',
      '/audit/streams/round-audit-2026/events',
      `/audit/streams/round-audit-2026/events/${before.history.events[0].eventId}`,
      '/audit/streams/round-audit-2026/events/0',
      '/audit/streams/round-audit-2026/export',
      '/audit/streams/round-audit-2026',
      `/audit/rounds/audit-2026/state?position=1`,
      '/events',
      `/events/${before.history.events[0].eventId}`,
      '/streams/round-audit-2026/events',
    ];
    for (const path of paths) {
      for (const method of ['PUT', 'PATCH', 'DELETE']) {
        for (const token of [auditor, province]) {
          const response = await api.call(method, path, { token, body: { data: { name: 'Đợt giả mạo' } } });
          expect([method, path, [404, 405].includes(response.status)]).toEqual([method, path, true]);
        }
      }
    }
    expect(await history()).toEqual(before.history);
    expect((await api.call('GET', '/audit/verify', { token: auditor })).body).toEqual(before.verify);
  });
});
