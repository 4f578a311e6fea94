import { addMonths } from '@app/pipeline';
import { tokenFor } from './api';
import { DAY, ok, type TimersApi } from './timers';

export const tokens = {
  province: tokenFor('province-board'),
  tanYen: tokenFor('district-board', '216'),
  langGiang: tokenFor('district-board', '217'),
  lucNam: tokenFor('district-board', '218'),
  school: tokenFor('political-school'),
  homeAffairs: tokenFor('home-affairs'),
  auditor: tokenFor('auditor'),
};

/** An instant `days` days after the test clock's now. */
export const daysFrom = (api: TimersApi, days: number) => new Date(api.clock.now().getTime() + days * DAY).toISOString();
export const monthsAfter = (iso: string, months: number) => addMonths(new Date(iso), months).toISOString();

/** A Bắc Giang round whose window closes in `closesInDays`, with one approved need of `seats` in Ngọc Vân (Tân Yên, 216). */
export async function openRound(api: TimersApi, roundId: string, closesInDays = 20, seats = 3): Promise<{ position: string }> {
  await ok(
    api.call('POST', '/rounds', {
      token: tokens.province,
      body: {
        roundId,
        name: `Đợt tuyển chọn ${roundId}`,
        provinceCode: '24',
        registrationOpensAt: daysFrom(api, -1),
        registrationClosesAt: daysFrom(api, closesInDays),
      },
    }),
    201,
  );
  await ok(
    api.call('POST', `/rounds/${roundId}/needs`, {
      token: tokens.tanYen,
      body: {
        needId: 'ngoc-van-tai-chinh',
        communeCode: '07351',
        title: 'finance-accounting',
        quantity: seats,
        acceptedMajors: ['Kế toán'],
      },
    }),
    201,
  );
  return ok(api.call('POST', `/rounds/${roundId}/needs/ngoc-van-tai-chinh/approval`, { token: tokens.province }));
}

/** Applies, is scored and selected: returns the candidate id. */
export async function applyAndSelect(api: TimersApi, roundId: string, nationalId: string, fullName: string): Promise<string> {
  const applied = await ok(
    api.call('POST', '/candidates', {
      token: tokens.tanYen,
      body: {
        roundId,
        needId: 'ngoc-van-tai-chinh',
        nationalId,
        fullName,
        birthDate: '2002-04-12',
        education: {
          degree: 'university',
          studyMode: 'full-time',
          major: 'Kế toán',
          institution: 'Học viện Tài chính',
          graduationYear: 2025,
        },
        priorPosition: 'none-graduate-source',
      },
    }),
    201,
  );
  const id = applied.candidateId as string;
  await ok(api.call('POST', `/candidates/${id}/scores`, { token: tokens.province, body: { test: 82, academic: 75, interview: 88 } }));
  await ok(
    api.call('POST', `/candidates/${id}/selection-outcome`, {
      token: tokens.province,
      body: { outcome: 'selected', rank: 1, total: 81.7 },
    }),
  );
  return id;
}

/** Opens a class of `months` months starting in ten days. */
export async function openClass(
  api: TimersApi,
  classId: string,
  roundId: string,
  months = 7,
): Promise<{ position: string; plannedEnd: string }> {
  const startsOn = daysFrom(api, 10);
  const plannedEnd = monthsAfter(startsOn, months);
  const opened = await ok(
    api.call('POST', '/training-classes', {
      token: tokens.school,
      body: { classId, name: 'Lớp tạo nguồn khóa I', roundId, startsOn, plannedEnd },
    }),
    201,
  );
  return { position: opened.position, plannedEnd };
}

/** Enrols the candidate in the class and records a pass: the candidate moves on to the practicum step. */
export async function passTraining(api: TimersApi, classId: string, candidateId: string): Promise<void> {
  await ok(api.call('POST', `/training-classes/${classId}/enrolments`, { token: tokens.school, body: { candidateId } }), 201);
  await ok(api.call('POST', `/candidates/${candidateId}/training-enrolment`, { token: tokens.school, body: { classId } }));
  const result = {
    candidateId,
    outcome: 'passed',
    diploma: { number: `TCLLCT-${candidateId.slice(-6)}`, issuedOn: daysFrom(api, 0).slice(0, 10) },
    certificates: [
      { partId: 'political-theory', number: 'CC-1' },
      { partId: 'commune-skills', number: 'CC-2' },
    ],
  };
  await ok(api.call('POST', `/training-classes/${classId}/results`, { token: tokens.school, body: result }));
  await ok(api.call('POST', `/candidates/${candidateId}/training-result`, { token: tokens.school, body: { classId } }));
}

/** Starts the three-month practicum today (by the test clock), in Tân Yên unless another district is given. */
export async function startPracticum(
  api: TimersApi,
  candidateId: string,
  district = '216',
  department = 'Phòng Tài chính – Kế hoạch huyện Tân Yên',
): Promise<{ position: string }> {
  return ok(
    api.call('POST', `/candidates/${candidateId}/practicum`, {
      token: tokens.province,
      body: { district, department, startsOn: daysFrom(api, 0) },
    }),
  );
}

export async function candidate(api: TimersApi, candidateId: string): Promise<any> {
  return ok(api.call('GET', `/candidates/${candidateId}`, { token: tokens.province }));
}

export async function eventTypes(api: TimersApi, streamId: string): Promise<string[]> {
  return (await api.events(streamId)).map((event) => event.type);
}
