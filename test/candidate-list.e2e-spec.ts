import { ProjectionsHost } from '@app/projections';
import { startApi, tokenFor, type RunningApi } from './support/api';

const province = tokenFor('province-board');
const tanYen = tokenFor('district-board', '216');
const langGiang = tokenFor('district-board', '217');
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const person = (nationalId: string, fullName: string, needId: string) => ({
  roundId: 'list-2026',
  needId,
  nationalId,
  fullName,
  birthDate: '2001-01-01',
  education: { degree: 'university', studyMode: 'full-time', major: 'Luật', institution: 'Đại học Luật Hà Nội', graduationYear: 2024 },
  priorPosition: 'none-graduate-source',
});

describe('listing candidates', () => {
  let api: RunningApi;
  let lastPosition = '';

  beforeAll(async () => {
    api = await startApi();
    const call = async (method: string, path: string, token: string, body?: unknown) => {
      const response = await api.call(method, path, { token, body });
      if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };
    await call('POST', '/rounds', province, {
      roundId: 'list-2026',
      name: 'Đợt 2026',
      provinceCode: '24',
      registrationOpensAt: inDays(-1),
      registrationClosesAt: inDays(20),
    });
    await call('POST', '/rounds/list-2026/needs', tanYen, {
      needId: 'ngoc-van',
      communeCode: '07351',
      title: 'justice-civil-status',
      quantity: 3,
      acceptedMajors: ['Luật'],
    });
    await call('POST', '/rounds/list-2026/needs', langGiang, {
      needId: 'nghia-hoa',
      communeCode: '07378',
      title: 'justice-civil-status',
      quantity: 3,
      acceptedMajors: ['Luật'],
    });
    await call('POST', '/rounds/list-2026/needs/ngoc-van/approval', province);
    await call('POST', '/rounds/list-2026/needs/nghia-hoa/approval', province);
    await call('POST', '/candidates', tanYen, person('024201000001', 'Trần Văn Bình', 'ngoc-van'));
    await call('POST', '/candidates', tanYen, person('024201000002', 'Đỗ Thị An', 'ngoc-van'));
    lastPosition = (await call('POST', '/candidates', langGiang, person('024201000003', 'Lê Văn Cường', 'nghia-hoa'))).position;
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists with filters and paging, sorted by name the Vietnamese way, once it has caught up with a given position', async () => {
    const all = await api.call('GET', `/candidates?roundId=list-2026&minPosition=${lastPosition}`, { token: province });
    expect(all.status).toBe(200);
    // The page says which position of the log it reflects: at least the last write waited for.
    expect(all.body).toMatchObject({ total: 3, page: 1 });
    expect(Number(all.body.position)).toBeGreaterThanOrEqual(Number(lastPosition));
    expect(all.body.items.map((item: { fullName: string }) => item.fullName)).toEqual(['Đỗ Thị An', 'Lê Văn Cường', 'Trần Văn Bình']);
    const page2 = await api.call('GET', '/candidates?roundId=list-2026&pageSize=2&page=2', { token: province });
    expect(page2.body).toMatchObject({ total: 3, items: [{ fullName: 'Trần Văn Bình' }] });
    const byCommune = await api.call('GET', '/candidates?commune=07378&status=active&step=selection', { token: province });
    expect(byCommune.body.items.map((item: { communeName: string }) => item.communeName)).toEqual(['Xã Nghĩa Hòa']);
    expect((await api.call('GET', '/candidates?status=sleeping', { token: province })).body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('shows a district board only its own district', async () => {
    const own = await api.call('GET', `/candidates?minPosition=${lastPosition}`, { token: tanYen });
    expect(own.body.items.map((item: { districtCode: string }) => item.districtCode)).toEqual(['216', '216']);
    expect((await api.call('GET', '/candidates?district=217', { token: tanYen })).body).toMatchObject({ code: 'NOT_YOUR_DISTRICT' });
    const other = own.body.items[0].candidateId;
    expect((await api.call('GET', `/candidates/${other}`, { token: langGiang })).body).toMatchObject({ code: 'NOT_YOUR_DISTRICT' });
  });

  it('refuses a minPosition the log has not reached, naming the field, instead of a 503 the client would retry for ever', async () => {
    const ahead = await api.call('GET', `/candidates?minPosition=${Number(lastPosition) + 1000}`, { token: province });
    expect(ahead.status).toBe(400);
    expect(ahead.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'minPosition', rule: expect.stringContaining('a position the log has reached') }],
    });
    expect(Number(ahead.body.head)).toBeGreaterThanOrEqual(Number(lastPosition));
  });

  // Last: it stops this app's projections.
  it('answers 503 READ_MODEL_BEHIND with Retry-After when the read model has not reached a real write in time', async () => {
    await api.app.get(ProjectionsHost).stop();
    const written = await api.call('POST', '/candidates', { token: tanYen, body: person('024201000004', 'Phạm Thị Dung', 'ngoc-van') });
    expect(written.status).toBe(201);
    const behind = await api.call('GET', `/candidates?minPosition=${written.body.position}`, { token: province });
    expect(behind.status).toBe(503);
    expect(behind.headers.get('retry-after')).toBe('1');
    expect(behind.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(behind.body).toMatchObject({ code: 'READ_MODEL_BEHIND', readModel: 'pipeline-board', minPosition: written.body.position });
    expect(Number(behind.body.position)).toBeLessThan(Number(written.body.position));
  });
});

describe('a read model not built yet', () => {
  it('answers 503 READ_MODEL_NOT_READY with Retry-After, naming the read model, when nothing has fed it', async () => {
    // An API alone, as deployed beside workers that have not started: it reads read models it does not feed.
    const alone = await startApi({}, undefined, { runProjections: false });
    try {
      for (const [path, readModel] of [
        ['/candidates', 'pipeline-board'],
        ['/reports/needs-coverage', 'needs-coverage'],
        ['/reports/deadlines', 'deadlines'],
      ]) {
        const response = await alone.call('GET', path, { token: province });
        expect({ path, status: response.status, retryAfter: response.headers.get('retry-after') }).toEqual({
          path,
          status: 503,
          retryAfter: '1',
        });
        expect(response.body).toMatchObject({ code: 'READ_MODEL_NOT_READY', readModel });
      }
    } finally {
      await alone.close();
    }
  });
});
