import type Database from 'better-sqlite3';
import type Redis from 'ioredis';
import { AppConfig } from '@app/config';
import { REDIS } from '@app/redis';
import { ProjectionsHost, READ_MODEL_DB } from '@app/projections';
import { DAY, eventually, ok, startTimersApi, type TimersApi } from './support/timers';
import { applyAndSelect, candidate, openClass, openRound, passTraining, startPracticum, tokens } from './support/journey';

jest.setTimeout(30_000);

/**
 * A commune's approved seat is offered to one candidate at a time: an offer
 * awaiting its answer, or accepted, holds it; a lapse, a refusal or a
 * departure frees it; reversing an exit takes it back only while it is free.
 * Offers and reversals sent at the same moment for the last seat: one passes.
 */
describe('seats an offer may take', () => {
  let api: TimersApi;
  let first: string;
  let second: string;
  // Four more, racing for the one seat of a round of their own.
  let racers: string[];
  const offer = (candidateId: string) =>
    api.call('POST', `/candidates/${candidateId}/placement-offer`, {
      token: tokens.province,
      body: { communeCode: '07351', title: 'finance-accounting', placementKind: 'commune-civil-servant' },
    });

  beforeAll(async () => {
    api = await startTimersApi();
    await openRound(api, 'seats-2026', 20, 1);
    first = await applyAndSelect(api, 'seats-2026', '024201005551', 'Trần Văn Bình');
    second = await applyAndSelect(api, 'seats-2026', '024201005552', 'Lê Thị Ánh Tuyết');
    await openRound(api, 'seats-race', 20, 1);
    racers = [
      await applyAndSelect(api, 'seats-race', '024201005553', 'Nguyễn Thị Hồng Nhung'),
      await applyAndSelect(api, 'seats-race', '024201005554', 'Đỗ Quang Huy'),
      await applyAndSelect(api, 'seats-race', '024201005555', 'Hoàng Thị Thu Hương'),
      await applyAndSelect(api, 'seats-race', '024201005556', 'Phạm Đức Mạnh'),
    ];
    await openClass(api, 'k-seats', 'seats-2026');
    await openClass(api, 'k-race', 'seats-race');
    for (const [classId, id] of [['k-seats', first], ['k-seats', second], ...racers.map((id) => ['k-race', id])]) {
      await passTraining(api, classId, id);
      await startPracticum(api, id);
    }
    await api.advance(92 * DAY);
    for (const id of [first, second, ...racers]) {
      await eventually(async () => (await candidate(api, id)).stage.phase === 'awaiting-evaluation');
      await ok(
        api.call('POST', `/candidates/${id}/practicum/evaluation`, { token: tokens.tanYen, body: { satisfactory: true, comments: 'Tốt' } }),
      );
    }
  });
  afterAll(async () => {
    await api.stop();
  });

  it('refuses a second offer of the one seat while the first awaits its answer, and changes nothing', async () => {
    expect((await offer(first)).status).toBe(200);
    const refused = await offer(second);
    expect(refused.body).toMatchObject({ code: 'NO_OPEN_SLOT' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect((await candidate(api, second)).stage.phase).toBe('awaiting-offer');
  });

  const exitHolder = (candidateId: string) =>
    ok(api.call('POST', `/candidates/${candidateId}/exit`, { token: tokens.province, body: { reason: 'withdrew', note: 'Xin thôi' } }));
  const reverseExit = (candidateId: string) =>
    api.call('POST', `/candidates/${candidateId}/exit-reversal`, { token: tokens.province, body: { reason: 'Nhập nhầm đơn xin thôi' } });
  /** The candidates whose command passed; every other one was refused NO_OPEN_SLOT. */
  const passed = (ids: string[], answers: { status: number; body: any }[]): string[] => {
    for (const answer of answers) if (answer.status !== 200) expect(answer.body).toMatchObject({ code: 'NO_OPEN_SLOT' });
    return ids.filter((_, index) => answers[index].status === 200);
  };

  // Without the seat lock, two counts could both run before either offer was appended, and both would pass.
  it('offers the one seat to only one of several candidates whose offers arrive at the same moment, race after race', async () => {
    for (let waiting = [...racers]; waiting.length > 1;) {
      const winners = passed(waiting, await Promise.all(waiting.map((id) => offer(id))));
      expect(winners).toHaveLength(1);
      for (const id of waiting.filter((id) => id !== winners[0])) expect((await candidate(api, id)).stage.phase).toBe('awaiting-offer');
      // The winner leaves the programme holding the offer: the seat is free for the next race, and theirs to take back.
      await exitHolder(winners[0]);
      waiting = waiting.filter((id) => id !== winners[0]);
    }
  });

  it('gives the one seat to only one of several exit reversals and an offer arriving at the same moment', async () => {
    const states = await Promise.all(racers.map(async (id) => (await candidate(api, id)).status as string));
    expect(states.filter((status) => status === 'exited')).toHaveLength(racers.length - 1);
    const answers = await Promise.all(racers.map((id, index) => (states[index] === 'exited' ? reverseExit(id) : offer(id))));
    const [winner] = passed(racers, answers);
    expect(passed(racers, answers)).toHaveLength(1);
    expect((await candidate(api, winner)).stage.phase).toBe('offered');
    for (const [index, id] of racers.entries()) if (id !== winner) expect((await candidate(api, id)).status).toBe(states[index]);
  });

  it('frees the seat when the offer lapses unanswered, and holds it again once the next one is accepted', async () => {
    await api.advance(16 * DAY);
    await eventually(async () => (await candidate(api, first)).stage.phase === 'awaiting-offer');
    expect((await offer(second)).status).toBe(200);
    await ok(api.call('POST', `/candidates/${second}/placement-offer/acceptance`, { token: tokens.tanYen }));
    expect((await offer(first)).body).toMatchObject({ code: 'NO_OPEN_SLOT' });
  });

  it('frees an accepted seat when its holder leaves the programme', async () => {
    await ok(
      api.call('POST', `/candidates/${second}/exit`, {
        token: tokens.province,
        body: { reason: 'withdrew', note: 'Xin thôi tham gia đề án' },
      }),
    );
    expect((await offer(first)).status).toBe(200);
  });

  it('gives an exited candidate their seat back on reversal only while nobody else holds it', async () => {
    const reverse = () =>
      api.call('POST', `/candidates/${second}/exit-reversal`, { token: tokens.province, body: { reason: 'Nhập nhầm đơn xin thôi' } });
    const refused = await reverse();
    expect(refused.body).toMatchObject({ code: 'NO_OPEN_SLOT', detail: expect.stringContaining('Xã Ngọc Vân') });
    expect((await candidate(api, second)).status).toBe('exited');
    await ok(
      api.call('POST', `/candidates/${first}/placement-offer/refusal`, { token: tokens.tanYen, body: { note: 'Gia đình chuyển vùng' } }),
    );
    expect((await reverse()).status).toBe(200);
    expect((await candidate(api, second)).stage).toMatchObject({ phase: 'accepted', offer: { commune: { code: '07351' } } });
  });

  it("counts only once needs-coverage holds the previous holder's append, even one this process's store has not seen", async () => {
    // As an API reading from an EventStoreDB follower would be: the previous holder's position lies beyond the log it sees.
    const last = `${api.app.get(AppConfig).QUEUE_PREFIX}:seat-lock:seats-2026:07351:finance-accounting:last`;
    const redis = api.app.get<Redis>(REDIS);
    await redis.set(last, '99999999', 'PX', 60_000);
    try {
      const behind = await offer(first);
      expect(behind.status).toBe(503);
      expect(behind.body).toMatchObject({ code: 'READ_MODEL_BEHIND', readModel: 'needs-coverage', minPosition: '99999999' });
    } finally {
      await redis.del(last);
    }
  });

  // Last: it stops this app's projections.
  it('answers 503 rather than count seats from a needs-coverage generation an older handler built', async () => {
    await api.app.get(ProjectionsHost).stop();
    api.app.get<Database.Database>(READ_MODEL_DB).exec(`UPDATE projection_generations SET version = 1 WHERE name = 'needs-coverage'`);
    const behind = await offer(first);
    expect(behind.status).toBe(503);
    expect(behind.body).toMatchObject({ code: 'READ_MODEL_BEHIND', readModel: 'needs-coverage', liveVersion: 1, version: 2 });
  });
});
