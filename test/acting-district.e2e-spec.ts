import { DAY, eventually, ok, startTimersApi, type TimersApi } from './support/timers';
import { applyAndSelect, openClass, openRound, passTraining, startPracticum, tokens } from './support/journey';

jest.setTimeout(30_000);

/**
 * A candidate belongs to the district whose need they applied for and, while
 * it acts for them, to the district of their practicum or offered post: both
 * boards see them, on the list and one by one, and nobody else.
 */
describe('the district acting for a candidate', () => {
  let api: TimersApi;
  let candidateId: string;
  const get = (token: string) => api.call('GET', `/candidates/${candidateId}`, { token });
  const listed = async (token: string, minPosition: string) =>
    (await ok(api.call('GET', `/candidates?minPosition=${minPosition}`, { token }))).items.map(
      (item: { candidateId: string; districtCode: string; actingDistrictCode: string }) => [item.districtCode, item.actingDistrictCode],
    );

  beforeAll(async () => {
    api = await startTimersApi();
    await openRound(api, 'acting-2026');
    candidateId = await applyAndSelect(api, 'acting-2026', '024201009876', 'Hoàng Thị Lan');
    await openClass(api, 'k-acting', 'acting-2026');
    await passTraining(api, 'k-acting', candidateId);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('shows a Tân Yên candidate doing her practicum in Lạng Giang to both boards and to no other', async () => {
    expect((await get(tokens.tanYen)).status).toBe(200);
    expect((await get(tokens.langGiang)).status).toBe(403);

    const started = await startPracticum(api, candidateId, '217', 'Phòng Nội vụ huyện Lạng Giang');
    expect((await get(tokens.langGiang)).status).toBe(200);
    expect((await get(tokens.tanYen)).status).toBe(200);
    expect((await get(tokens.lucNam)).body).toMatchObject({ status: 403, code: 'NOT_YOUR_DISTRICT' });
    expect(await listed(tokens.langGiang, started.position)).toEqual([['216', '217']]);
    expect(await listed(tokens.tanYen, started.position)).toEqual([['216', '217']]);
    expect(await listed(tokens.lucNam, started.position)).toEqual([]);
  });

  it('hands the candidate back to Tân Yên alone once the practicum is judged and she awaits an offer', async () => {
    const path = `/candidates/${candidateId}`;
    await api.advance(92 * DAY);
    await eventually(async () => (await ok(get(tokens.province))).stage.phase === 'awaiting-evaluation');
    const judged = await ok(
      api.call('POST', `${path}/practicum/evaluation`, { token: tokens.langGiang, body: { satisfactory: true, comments: 'Tốt' } }),
    );
    expect((await get(tokens.langGiang)).status).toBe(403);
    expect(await listed(tokens.langGiang, judged.position)).toEqual([]);
    expect(await listed(tokens.tanYen, judged.position)).toEqual([['216', '216']]);
  });
});
