import { candidateIdFor } from '../apps/api/src/candidates/candidate-id';
import { startApi, tokenFor, type RunningApi } from './support/api';

const province = tokenFor('province-board');
const tanYen = tokenFor('district-board', '216');

describe('bulk CSV import of needs', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
    const opened = await api.call('POST', '/rounds', {
      token: province,
      body: {
        roundId: 'import-2026',
        name: 'Đợt nhập liệu',
        provinceCode: '24',
        registrationOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
        registrationClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    expect(opened.status).toBe(201);
  });
  afterAll(async () => {
    await api.close();
  });

  it('registers each good row and reports why each bad row was refused, the bad rows changing nothing', async () => {
    const csv = [
      'needId,communeCode,title,quantity,acceptedMajors',
      'ngoc-van-tai-chinh,07351,finance-accounting,2,Kế toán;Tài chính – Ngân hàng',
      'ngoc-thien-tu-phap,07360,justice-civil-status,1,Luật',
      'bad-quantity,07351,office-statistics,0,Luật',
      'other-district,07378,office-statistics,1,Luật',
      'no-such-commune,99999,office-statistics,1,Luật',
      'ngoc-van-tai-chinh-2,07351,finance-accounting,1,Kế toán',
    ].join('\n');
    const response = await api.call('POST', '/rounds/import-2026/needs/import', {
      token: tanYen,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ accepted: 2, rejected: 4 });
    expect(response.body.rows.map((row: { row: number; status: string; code?: string }) => [row.row, row.status, row.code])).toEqual([
      [2, 'accepted', undefined],
      [3, 'accepted', undefined],
      [4, 'rejected', 'VALIDATION_FAILED'],
      [5, 'rejected', 'NOT_YOUR_DISTRICT'],
      [6, 'rejected', 'UNKNOWN_COMMUNE'],
      [7, 'rejected', 'NEED_ALREADY_REGISTERED'],
    ]);
    expect(response.body.rows[2].errors).toEqual([expect.objectContaining({ field: 'quantity' })]);
    const round = await api.call('GET', '/rounds/import-2026', { token: province });
    expect(round.body.needs.map((need: { needId: string; acceptedMajors: string[] }) => [need.needId, need.acceptedMajors])).toEqual([
      ['ngoc-van-tai-chinh', ['Kế toán', 'Tài chính – Ngân hàng']],
      ['ngoc-thien-tu-phap', ['Luật']],
    ]);
  });

  it('takes applications in bulk, one report per row, a refused row changing nothing', async () => {
    expect((await api.call('POST', '/rounds/import-2026/needs/ngoc-van-tai-chinh/approval', { token: province })).status).toBe(200);
    const header = 'roundId,needId,nationalId,fullName,birthDate,degree,studyMode,major,institution,graduationYear,priorPosition';
    const csv = [
      header,
      'import-2026,ngoc-van-tai-chinh,024201000011,Nguyễn Văn An,2001-02-03,university,full-time,Kế toán,Học viện Tài chính,2024,none-graduate-source',
      'import-2026,ngoc-van-tai-chinh,024201000012,Phạm Thị Bích,2001-05-06,college,full-time,Kế toán,Cao đẳng Kinh tế,2023,none-graduate-source',
      'import-2026,ngoc-van-tai-chinh,024201000013,Vũ Văn Chiến,2001-05-06,university,full-time,Kế toán,Học viện Tài chính,2024,',
      'import-2026,ngoc-thien-tu-phap,024201000014,Hoàng Thị Dung,2001-07-08,university,full-time,Luật,Đại học Luật,2024,none-graduate-source',
      'import-2026,ngoc-van-tai-chinh,not-a-number,Bùi Văn Em,2001-07-08,university,full-time,Kế toán,Học viện Tài chính,2024,none-graduate-source',
    ].join('\n');
    const response = await api.call('POST', '/candidates/import', { token: tanYen, body: csv, headers: { 'content-type': 'text/csv' } });
    expect(response.status).toBe(200);
    expect(response.body.rows.map((row: { row: number; status: string; code?: string }) => [row.row, row.status, row.code])).toEqual([
      [2, 'accepted', undefined],
      [3, 'rejected', 'CANDIDATE_INELIGIBLE'],
      [4, 'rejected', 'INVALID_FIELD'],
      [5, 'rejected', 'NEED_NOT_APPROVED'],
      [6, 'rejected', 'VALIDATION_FAILED'],
    ]);
    const accepted = response.body.rows[0].id;
    expect((await api.call('GET', `/candidates/${accepted}`, { token: province })).body).toMatchObject({
      application: { fullName: 'Nguyễn Văn An' },
    });
    // The refused rows left nothing behind.
    for (const nationalId of ['024201000012', '024201000013', '024201000014']) {
      expect((await api.call('GET', `/candidates/${candidateIdFor('import-2026', nationalId)}`, { token: province })).status).toBe(404);
    }
  });

  it('refuses an unreadable CSV as a whole', async () => {
    const response = await api.call('POST', '/rounds/import-2026/needs/import', {
      token: tanYen,
      body: 'needId,communeCode\n"unclosed,07351',
      headers: { 'content-type': 'text/csv' },
    });
    expect(response).toMatchObject({ status: 400, body: { code: 'MALFORMED_CSV' } });
  });
});
