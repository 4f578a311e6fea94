import { addMonths as addVietnamMonths } from '@app/pipeline';
import { startApi, tokenFor, type RunningApi } from './support/api';

const province = tokenFor('province-board');
const tanYen = tokenFor('district-board', '216');
const langGiang = tokenFor('district-board', '217');
const school = tokenFor('political-school');
const auditor = tokenFor('auditor');
const day = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * day).toISOString();
// Calendar months in Vietnam time, as the programme counts them.
const addMonths = (iso: string, months: number) => addVietnamMonths(new Date(iso), months).toISOString();

const application = {
  roundId: 'bg-2026',
  needId: 'ngoc-van-tai-chinh',
  nationalId: '024201001234',
  fullName: 'Nguyễn Thị Hương Giang',
  birthDate: '2002-04-12',
  education: { degree: 'university', studyMode: 'full-time', major: 'Kế toán', institution: 'Học viện Tài chính', graduationYear: 2025 },
  priorPosition: 'none-graduate-source',
};

async function ok(response: Promise<{ status: number; body: any }>, status = 200) {
  const result = await response;
  if (result.status !== status) throw new Error(`expected ${status}, got ${result.status}: ${JSON.stringify(result.body)}`);
  return result.body;
}

describe('a candidate’s journey over HTTP', () => {
  let api: RunningApi;
  let candidateId: string;

  beforeAll(async () => {
    api = await startApi();
    await ok(
      api.call('POST', '/rounds', {
        token: province,
        body: {
          roundId: 'bg-2026',
          name: 'Đợt 2026',
          provinceCode: '24',
          registrationOpensAt: inDays(-1),
          registrationClosesAt: inDays(20),
        },
      }),
      201,
    );
    await ok(
      api.call('POST', '/rounds/bg-2026/needs', {
        token: tanYen,
        body: { needId: 'ngoc-van-tai-chinh', communeCode: '07351', title: 'finance-accounting', quantity: 1, acceptedMajors: ['Kế toán'] },
      }),
      201,
    );
    await ok(api.call('POST', '/rounds/bg-2026/needs/ngoc-van-tai-chinh/approval', { token: province }));
  });
  afterAll(async () => {
    await api.close();
  });

  it('takes an application from the district board of the commune, and refuses one from another district', async () => {
    const refused = await api.call('POST', '/candidates', { token: langGiang, body: application });
    expect(refused).toMatchObject({ status: 403, body: { code: 'NOT_YOUR_DISTRICT' } });
    const applied = await ok(api.call('POST', '/candidates', { token: tanYen, body: application }), 201);
    candidateId = applied.candidateId;
    expect(candidateId).toMatch(/^bg-2026-[0-9a-f]{16}$/);
    expect(JSON.stringify(applied)).not.toContain('024201001234');
    const again = await api.call('POST', '/candidates', { token: tanYen, body: application });
    expect(again).toMatchObject({ status: 409, body: { code: 'CANDIDATE_ALREADY_APPLIED' } });
  });

  it('names the eligibility rule a candidate fails (409)', async () => {
    const ineligible = await api.call('POST', '/candidates', {
      token: tanYen,
      body: { ...application, nationalId: '024201009999', education: { ...application.education, studyMode: 'part-time' } },
    });
    expect(ineligible).toMatchObject({
      status: 409,
      body: { code: 'CANDIDATE_INELIGIBLE', details: { failedRules: ['full-time-programme'] } },
    });
  });

  it('shows the candidate with its step, status, revision and definition version', async () => {
    const response = await api.call('GET', `/candidates/${candidateId}`, { token: auditor });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"0"');
    expect(response.body).toMatchObject({
      candidateId,
      status: 'active',
      step: { id: 'selection' },
      revision: 0,
      definition: { id: 'bac-giang-graduate', version: 1 },
      application: { fullName: 'Nguyễn Thị Hương Giang' },
    });
    expect((await api.call('GET', '/candidates/bg-2026-0000000000000000', { token: auditor })).status).toBe(404);
  });

  it('goes through selection and training, taking dates and results from the school’s class', async () => {
    await ok(api.call('POST', `/candidates/${candidateId}/scores`, { token: province, body: { test: 82, academic: 75, interview: 88 } }));
    await ok(
      api.call('POST', `/candidates/${candidateId}/selection-outcome`, {
        token: province,
        body: { outcome: 'selected', rank: 1, total: 81.7 },
      }),
    );
    const startsOn = inDays(10);
    const tooShort = await api.call('POST', '/training-classes', {
      token: school,
      body: { classId: 'k1', name: 'Lớp tạo nguồn khóa I', roundId: 'bg-2026', startsOn, plannedEnd: addMonths(startsOn, 5) },
    });
    expect(tooShort).toMatchObject({ status: 409, body: { code: 'TRAINING_LENGTH_OUT_OF_BOUNDS' } });
    await ok(
      api.call('POST', '/training-classes', {
        token: school,
        body: { classId: 'k1', name: 'Lớp tạo nguồn khóa I', roundId: 'bg-2026', startsOn, plannedEnd: addMonths(startsOn, 7) },
      }),
      201,
    );
    expect(
      await api.call('POST', `/candidates/${candidateId}/training-enrolment`, { token: school, body: { classId: 'k1' } }),
    ).toMatchObject({ status: 409, body: { code: 'NOT_ENROLLED_IN_CLASS' } });
    await ok(api.call('POST', '/training-classes/k1/enrolments', { token: school, body: { candidateId } }), 201);
    await ok(api.call('POST', `/candidates/${candidateId}/training-enrolment`, { token: school, body: { classId: 'k1' } }));
    const result = {
      candidateId,
      outcome: 'passed',
      diploma: { number: 'TCLLCT-2026/0412', issuedOn: addMonths(startsOn, 7).slice(0, 10) },
      certificates: [
        { partId: 'political-theory', number: 'CC-1' },
        { partId: 'commune-skills', number: 'CC-2' },
      ],
    };
    expect(await api.call('POST', '/training-classes/k1/results', { token: province, body: result })).toMatchObject({ status: 403 });
    await ok(api.call('POST', '/training-classes/k1/results', { token: school, body: result }));
    const passed = await ok(api.call('POST', `/candidates/${candidateId}/training-result`, { token: school, body: { classId: 'k1' } }));
    expect(passed.events.map((event: { type: string }) => event.type)).toEqual(['CandidatePassedTraining', 'CandidateAdvanced']);
  });

  it('starts the district practicum with its deadline three months out, and records an exit and its reversal', async () => {
    const startsOn = inDays(250);
    await ok(
      api.call('POST', `/candidates/${candidateId}/practicum`, {
        token: province,
        body: { district: '216', department: 'Phòng Nội vụ huyện Tân Yên', startsOn },
      }),
    );
    const candidate = (await api.call('GET', `/candidates/${candidateId}`, { token: tanYen })).body;
    expect(candidate.deadlines).toEqual([expect.objectContaining({ kind: 'practicum-end', dueAt: addMonths(startsOn, 3) })]);
    expect(
      await api.call('POST', `/candidates/${candidateId}/exit`, { token: auditor, body: { reason: 'illness', note: '' } }),
    ).toMatchObject({ status: 403 });
    await ok(api.call('POST', `/candidates/${candidateId}/exit`, { token: tanYen, body: { reason: 'illness', note: 'Ốm dài ngày' } }));
    expect(
      await api.call('POST', `/candidates/${candidateId}/practicum/evaluation`, {
        token: tanYen,
        body: { satisfactory: true, comments: '' },
      }),
    ).toMatchObject({ status: 409, body: { code: 'CANDIDATE_EXITED' } });
    expect(
      await api.call('POST', `/candidates/${candidateId}/exit-reversal`, { token: tanYen, body: { reason: 'Đã khỏi' } }),
    ).toMatchObject({ status: 403 });
    await ok(api.call('POST', `/candidates/${candidateId}/exit-reversal`, { token: province, body: { reason: 'Đã khỏi bệnh' } }));
    expect((await api.call('GET', `/candidates/${candidateId}`, { token: province })).body).toMatchObject({
      status: 'active',
      stage: { kind: 'practicum', phase: 'in-progress' },
    });
  });
});
