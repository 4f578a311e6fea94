import { addMonths as addVietnamMonths } from '@app/pipeline';
import { startApi, tokenFor, type RunningApi } from './support/api';

const province = tokenFor('province-board');
const auditor = tokenFor('auditor');
const school = tokenFor('political-school');
const tanYen = tokenFor('district-board', '216');
const langGiang = tokenFor('district-board', '217');
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const addMonths = (iso: string, months: number) => addVietnamMonths(new Date(iso), months).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const person = (nationalId: string, fullName: string, needId: string, major: string) => ({
  roundId: 'bc-2026',
  needId,
  nationalId,
  fullName,
  birthDate: '2001-05-20',
  education: { degree: 'university', studyMode: 'full-time', major, institution: 'Học viện Tài chính', graduationYear: 2024 },
  priorPosition: 'none-graduate-source',
});

describe('reports from the read models', () => {
  let api: RunningApi;
  let last = '';
  let beforeCandidates = '';
  let afterGiang = '';

  const ok = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await api.call(method, path, { token, body });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    if (response.body.position) last = response.body.position;
    return response.body;
  };
  const get = (path: string, token = province, headers: Record<string, string> = {}) => api.call('GET', path, { token, headers });
  /** Raw bytes, to see the byte-order mark that text decoding would drop. */
  const csv = async (path: string, token = province) => {
    const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'text/csv' } });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    api = await startApi();
    await ok('POST', '/rounds', province, {
      roundId: 'bc-2026',
      name: 'Đợt tạo nguồn năm 2026',
      provinceCode: '24',
      registrationOpensAt: inDays(-1),
      registrationClosesAt: inDays(20),
    });
    const need = { quantity: 2, acceptedMajors: ['Kế toán'] };
    await ok('POST', '/rounds/bc-2026/needs', tanYen, { ...need, needId: 'ngoc-van', communeCode: '07351', title: 'finance-accounting' });
    await ok('POST', '/rounds/bc-2026/needs', langGiang, {
      ...need,
      needId: 'nghia-hoa',
      communeCode: '07378',
      title: 'finance-accounting',
    });
    await ok('POST', '/rounds/bc-2026/needs/ngoc-van/approval', province);
    await ok('POST', '/rounds/bc-2026/needs/nghia-hoa/approval', province);
    await sleep(5);
    beforeCandidates = new Date().toISOString();
    await sleep(5);
    const giang = (await ok('POST', '/candidates', tanYen, person('024201000011', 'Nguyễn Thị Hương Giang', 'ngoc-van', 'Kế toán')))
      .candidateId;
    await sleep(5);
    afterGiang = new Date().toISOString();
    await sleep(5);
    const anh = (await ok('POST', '/candidates', tanYen, person('024201000012', 'Đỗ Thị Ánh', 'ngoc-van', 'Kế toán'))).candidateId;
    await ok('POST', '/candidates', langGiang, person('024201000013', 'Lê Văn Cường', 'nghia-hoa', 'Kế toán'));
    for (const id of [giang, anh]) await ok('POST', `/candidates/${id}/scores`, province, { test: 80, academic: 70, interview: 75 });
    await ok('POST', `/candidates/${giang}/selection-outcome`, province, { outcome: 'selected', rank: 1, total: 75.5 });
    await ok('POST', `/candidates/${anh}/selection-outcome`, province, { outcome: 'not-selected', rank: 2, total: 40 });
    // A class name with a comma and quotes, to see CSV quoting.
    const startsOn = inDays(10);
    const name = 'Lớp "Tạo nguồn" khóa I, Tân Yên';
    await ok('POST', '/training-classes', school, {
      classId: 'k1',
      name,
      roundId: 'bc-2026',
      startsOn,
      plannedEnd: addMonths(startsOn, 7),
    });
    await ok('POST', '/training-classes/k1/enrolments', school, { candidateId: giang });
    await ok('POST', `/candidates/${giang}/training-enrolment`, school, { classId: 'k1' });
    const diploma = { number: 'TCLLCT-2026/1', issuedOn: addMonths(startsOn, 7).slice(0, 10) };
    const certificates = [
      { partId: 'political-theory', number: 'CC-1' },
      { partId: 'commune-skills', number: 'CC-2' },
    ];
    await ok('POST', '/training-classes/k1/results', school, { candidateId: giang, outcome: 'passed', diploma, certificates });
    await ok('POST', `/candidates/${giang}/training-result`, school, { classId: 'k1' });
  });
  afterAll(() => api.close());

  it('covers each commune × title with the seats and where the applicants stand, names intact', async () => {
    const response = await get(`/reports/needs-coverage?minPosition=${last}`);
    expect(response.status).toBe(200);
    expect(Number(response.body.position)).toBeGreaterThanOrEqual(Number(last));
    expect(response.body).toMatchObject({ report: 'needs-coverage' });
    expect(response.body.rows).toEqual([
      {
        roundId: 'bc-2026',
        districtCode: '216',
        districtName: 'Huyện Tân Yên',
        communeCode: '07351',
        communeName: 'Xã Ngọc Vân',
        title: 'finance-accounting',
        titleName: 'Tài chính – kế toán',
        registered: 2,
        approved: 2,
        applicants: 2,
        selected: 1,
        inTraining: 0,
        placed: 0,
        stillOpen: 2,
      },
      expect.objectContaining({ districtCode: '217', districtName: 'Huyện Lạng Giang', communeName: 'Xã Nghĩa Hòa', applicants: 1 }),
    ]);
  });

  it('answers CSV in UTF-8 with a byte-order mark, a header row and RFC 4180 quoting, by Accept or by ?format=csv', async () => {
    const { response, bytes } = await csv(`/reports/needs-coverage?minPosition=${last}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="needs-coverage.csv"');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'roundId,districtCode,districtName,communeCode,communeName,title,titleName,registered,approved,applicants,selected,inTraining,placed,stillOpen',
    );
    expect(lines[1]).toBe('bc-2026,216,Huyện Tân Yên,07351,Xã Ngọc Vân,finance-accounting,Tài chính – kế toán,2,2,2,1,0,0,2');
    expect(lines.at(-1)).toBe('');
    const cohort = await get('/reports/cohort-outcomes?format=csv&by=class', school);
    expect(cohort.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, row] = (cohort.body as string).split('\r\n');
    expect(header.split(',').slice(0, 6)).toEqual(['classId', 'className', 'districtCode', 'districtName', 'trainees', 'trained']);
    expect(header).toContain('prior:none-graduate-source');
    expect(header).toContain('outcome:commune-civil-servant');
    expect(row.startsWith('k1,"Lớp ""Tạo nguồn"" khóa I, Tân Yên",,,1,1,')).toBe(true);
  });

  it('shows the board with names and days in step; a district board sees only its own district', async () => {
    const board = await get(`/reports/pipeline-board?roundId=bc-2026&minPosition=${last}`, auditor);
    expect(board.body.rows.map((row: { fullName: string; step: string; status: string }) => [row.fullName, row.step, row.status])).toEqual([
      ['Đỗ Thị Ánh', 'selection', 'exited'],
      ['Lê Văn Cường', 'selection', 'active'],
      ['Nguyễn Thị Hương Giang', 'district-practicum', 'active'],
    ]);
    expect(board.body.rows[2]).toMatchObject({ districtName: 'Huyện Tân Yên', stepName: 'Thực tế tại huyện', daysInStep: 0 });
    const counts = await get('/reports/pipeline-board?view=counts&status=active', tanYen);
    expect(counts.body.rows).toEqual([
      expect.objectContaining({ districtCode: '216', communeName: 'Xã Ngọc Vân', step: 'district-practicum', candidates: 1 }),
    ]);
    expect(await get('/reports/pipeline-board?district=216', langGiang)).toMatchObject({
      status: 403,
      body: { code: 'NOT_YOUR_DISTRICT' },
    });
    const own = await get('/reports/needs-coverage', langGiang);
    expect(own.body.rows.map((row: { districtCode: string }) => row.districtCode)).toEqual(['217']);
  });

  it('gives the funnel per step, the cohort outcomes and the programme target', async () => {
    const funnel = (await get(`/reports/step-funnel?roundId=bc-2026&minPosition=${last}`)).body.rows;
    expect(funnel.map((row: Record<string, unknown>) => [row.step, row.entered, row.movedOn, row.exited, row.inStep])).toEqual([
      ['selection', 3, 1, 1, 1],
      ['training', 1, 1, 0, 0],
      ['district-practicum', 1, 0, 0, 1],
    ]);
    expect(funnel[0]).toMatchObject({ stepName: 'Tuyển chọn', conversion: 0.3333, fromPrevious: null });
    const cohorts = (await get('/reports/cohort-outcomes?classId=k1', school)).body;
    expect(cohorts.rows).toEqual([
      expect.objectContaining({ classId: 'k1', districtName: 'Huyện Tân Yên', trainees: 1, trained: 1, placed: 0, placementRate: 0 }),
    ]);
    expect(cohorts.rows[0].outcomes['in-progress']).toBe(1);
    expect(cohorts.categories.outcomes['commune-civil-servant'].vi).toBe('Công chức cấp xã');
    const target = (await get('/reports/programme-target')).body.rows;
    expect(target).toEqual([
      expect.objectContaining({
        programme: 'bac-giang-graduate',
        target: { minSources: 400, maxSources: 500, by: '2025-12-31' },
        produced: 0,
        inPipeline: 2,
        remainingToMin: 400,
      }),
    ]);
  });

  it('refuses a minPosition past the log and bad filters, naming the field', async () => {
    const ahead = await get(`/reports/step-funnel?minPosition=${Number(last) + 500}`);
    expect(ahead.status).toBe(400);
    expect(ahead.body.errors).toEqual([{ field: 'minPosition', rule: expect.stringContaining('a position the log has reached') }]);
    const bad = await get('/reports/needs-coverage?minPosition=soon&format=xml&district=21');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['district', 'format', 'minPosition']);
  });

  it('rebuilds the whole board as it stood at a past moment, for auditors and the province board', async () => {
    const then = await get(`/audit/board?asOf=${encodeURIComponent(afterGiang)}`, auditor);
    expect(then.status).toBe(200);
    expect(then.body).toMatchObject({ report: 'pipeline-board-as-of', asOf: afterGiang });
    expect(then.body.rows).toEqual([expect.objectContaining({ fullName: 'Nguyễn Thị Hương Giang', step: 'selection', status: 'active' })]);
    expect((await get(`/audit/board?asOf=${encodeURIComponent(beforeCandidates)}`)).body.rows).toEqual([]);
    const now = await get(`/audit/board?asOf=${encodeURIComponent(new Date().toISOString())}&view=counts`, auditor);
    const live = await get('/reports/pipeline-board?view=counts', auditor);
    expect(now.body.rows).toEqual(live.body.rows);
    const { bytes } = await csv(`/audit/board?asOf=${encodeURIComponent(afterGiang)}`, auditor);
    expect(bytes.subarray(3).toString('utf8')).toContain('Nguyễn Thị Hương Giang');
    expect(await get(`/audit/board?asOf=${encodeURIComponent(afterGiang)}`, tanYen)).toMatchObject({ status: 403 });
    const bad = await get('/audit/board?asOf=2026-03-01', auditor);
    expect(bad).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ field: 'asOf' })] } });
    // A date that does not exist is refused before any replay, not answered with a 500.
    const impossible = await get(`/audit/board?asOf=${encodeURIComponent('2026-13-01T00:00:00Z')}`, auditor);
    expect(impossible).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ field: 'asOf' })] } });
  });

  it('lists every read model on the status endpoint', async () => {
    const status = await get('/projections', auditor);
    expect(status.body.projections.map((projection: { name: string }) => projection.name)).toEqual([
      'pipeline-board',
      'needs-coverage',
      'cohort-outcomes',
      'step-funnel',
      'programme-target',
      'deadlines',
      'notifications',
      'webhooks',
    ]);
  });
});
