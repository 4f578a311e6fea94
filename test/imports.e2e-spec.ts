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

  it('refuses an unreadable CSV as a whole', async () => {
    const response = await api.call('POST', '/rounds/import-2026/needs/import', {
      token: tanYen,
      body: 'needId,communeCode\n"unclosed,07351',
      headers: { 'content-type': 'text/csv' },
    });
    expect(response).toMatchObject({ status: 400, body: { code: 'MALFORMED_CSV' } });
  });
});
