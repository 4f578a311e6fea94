import { startApi, tokenFor, type RunningApi } from './support/api';

const province = tokenFor('province-board');
const tanYen = tokenFor('district-board', '216');
const langGiang = tokenFor('district-board', '217');
const auditor = tokenFor('auditor');

const openRound = {
  roundId: 'bac-giang-2026-1',
  name: 'Đợt tuyển chọn nguồn cán bộ xã năm 2026'.normalize('NFD'),
  provinceCode: '24',
  registrationOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
  registrationClosesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
};
const ngocVanNeed = {
  needId: 'ngoc-van-tai-chinh',
  communeCode: '07351',
  title: 'finance-accounting',
  quantity: 2,
  acceptedMajors: ['Kế toán'],
};

function expectProblem(response: { status: number; headers: Headers; body: any }, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code, title: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(response.body)).not.toMatch(/\n\s+at |\.ts:\d+/);
}

describe('recruitment rounds over HTTP', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses a request without a valid bearer token (401)', async () => {
    expectProblem(await api.call('POST', '/rounds', { body: openRound }), 401, 'UNAUTHENTICATED');
    expectProblem(
      await api.call('POST', '/rounds', {
        body: openRound,
        token: tokenFor('province-board', undefined, 'another-secret-another-secret-another-secret'),
      }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await api.call('GET', '/reference/titles', { token: 'not.a.jwt' }), 401, 'UNAUTHENTICATED');
  });

  it('lets the province open a round, answering with the revision as ETag and keeping the name in NFC', async () => {
    const opened = await api.call('POST', '/rounds', { token: province, body: openRound, headers: { 'x-request-id': 'req-open-1' } });
    expect(opened.status).toBe(201);
    expect(opened.headers.get('etag')).toBe('"0"');
    expect(opened.headers.get('x-request-id')).toBe('req-open-1');
    expect(opened.body).toMatchObject({
      status: 'accepted',
      streamId: 'round-bac-giang-2026-1',
      revision: 0,
      events: [{ type: 'RoundOpened' }],
    });
    const round = await api.call('GET', '/rounds/bac-giang-2026-1', { token: auditor });
    expect(round.body).toMatchObject({
      status: 'registering',
      name: 'Đợt tuyển chọn nguồn cán bộ xã năm 2026',
      selectionRules: { passMark: 50 },
    });
  });

  it('keeps each role to its own steps (403)', async () => {
    expectProblem(await api.call('POST', '/rounds', { token: tanYen, body: { ...openRound, roundId: 'other' } }), 403, 'FORBIDDEN');
    expectProblem(await api.call('POST', '/rounds/bac-giang-2026-1/needs', { token: auditor, body: ngocVanNeed }), 403, 'FORBIDDEN');
    expectProblem(
      await api.call('POST', '/rounds/bac-giang-2026-1/needs', { token: langGiang, body: ngocVanNeed }),
      403,
      'NOT_YOUR_DISTRICT',
    );
  });

  it('names each bad field and rule (400), and changes nothing', async () => {
    const bad = await api.call('POST', '/rounds/bac-giang-2026-1/needs', {
      token: tanYen,
      body: { ...ngocVanNeed, quantity: 0, colour: 'red', acceptedMajors: [] },
    });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    const fields = bad.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['quantity', 'colour', 'acceptedMajors']));
    expectProblem(
      await api.call('POST', '/rounds/bac-giang-2026-1/needs', { token: tanYen, body: { ...ngocVanNeed, communeCode: '99999' } }),
      400,
      'UNKNOWN_COMMUNE',
    );
    expectProblem(await api.call('POST', '/rounds/bac-giang-2026-1/needs', { token: tanYen, body: '{"needId": ' }), 400, 'MALFORMED_BODY');
    expect((await api.call('GET', '/rounds/bac-giang-2026-1', { token: province })).headers.get('etag')).toBe('"0"');
  });

  it('lets a district board register a need of its own commune, and the province approve it once (409 after)', async () => {
    const registered = await api.call('POST', '/rounds/bac-giang-2026-1/needs', { token: tanYen, body: ngocVanNeed });
    expect(registered.status).toBe(201);
    expect(registered.body.events).toEqual([expect.objectContaining({ type: 'NeedRegistered' })]);
    const approved = await api.call('POST', '/rounds/bac-giang-2026-1/needs/ngoc-van-tai-chinh/approval', { token: province });
    expect(approved.status).toBe(200);
    expectProblem(
      await api.call('POST', '/rounds/bac-giang-2026-1/needs/ngoc-van-tai-chinh/approval', { token: province }),
      409,
      'NEED_ALREADY_APPROVED',
    );
    const round = await api.call('GET', '/rounds/bac-giang-2026-1', { token: tanYen });
    expect(round.body.needs).toEqual([
      expect.objectContaining({ commune: { code: '07351', name: 'Xã Ngọc Vân', districtCode: '216' }, status: 'approved' }),
    ]);
  });

  it('honours If-Match: a stale revision is refused (412) and changes nothing', async () => {
    const current = (await api.call('GET', '/rounds/bac-giang-2026-1', { token: province })).headers.get('etag')!;
    const stale = await api.call('PATCH', '/rounds/bac-giang-2026-1/needs/ngoc-van-tai-chinh', {
      token: tanYen,
      body: { quantity: 3 },
      headers: { 'if-match': '"0"' },
    });
    expectProblem(stale, 412, 'REVISION_MISMATCH');
    expect(stale.body).toMatchObject({ expectedRevision: 0, currentRevision: Number(current.replace(/"/g, '')) });
    expect((await api.call('GET', '/rounds/bac-giang-2026-1', { token: province })).headers.get('etag')).toBe(current);
  });

  it('answers 404 for an unknown round', async () => {
    expectProblem(await api.call('GET', '/rounds/no-such-round', { token: province }), 404, 'ROUND_NOT_FOUND');
    expectProblem(await api.call('POST', '/rounds/no-such-round/selection', { token: province }), 404, 'ROUND_NOT_OPENED');
  });

  it('serves reference data with Vietnamese and English labels, and Bắc Giang’s 230 communes', async () => {
    const titles = await api.call('GET', '/reference/titles', { token: auditor });
    expect(titles.body).toEqual(
      expect.arrayContaining([{ code: 'finance-accounting', vi: 'Tài chính – kế toán', en: 'Finance and accounting' }]),
    );
    const communes = await api.call('GET', '/reference/admin-units?province=24', { token: auditor });
    expect(communes.body).toHaveLength(230);
    expect(new Set(communes.body.map((commune: { districtCode: string }) => commune.districtCode)).size).toBe(10);
    expectProblem(await api.call('GET', '/reference/admin-units?province=Bac', { token: auditor }), 400, 'VALIDATION_FAILED');
  });
});
