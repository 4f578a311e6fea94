import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@app/event-store';
import { startApi, tokenFor } from './support/api';
import { tempSqlitePath } from './support/processes';

const province = tokenFor('province-board');
const tanYen = tokenFor('district-board', '216');
const roundId = 'bg-upcast-2026';

/**
 * A round whose need was amended by an older build: the NeedAmended event is
 * stored raw in its v1 shape (both values repeated). The API reads it as v2
 * (only the changes), and the next command builds on the upcast state.
 */
describe('an event stored in an older schema version', () => {
  const sqlitePath = tempSqlitePath();

  beforeAll(async () => {
    const api = await startApi({}, sqlitePath);
    try {
      const day = 86_400_000;
      const round = {
        roundId,
        name: 'Đợt thử nâng cấp sự kiện',
        provinceCode: '24',
        registrationOpensAt: new Date(Date.now() - day).toISOString(),
        registrationClosesAt: new Date(Date.now() + 30 * day).toISOString(),
      };
      expect((await api.call('POST', '/rounds', { token: province, body: round })).status).toBe(201);
      const need = { needId: 'ngoc-van', communeCode: '07351', title: 'finance-accounting', quantity: 1, acceptedMajors: ['Kế toán'] };
      expect((await api.call('POST', `/rounds/${roundId}/needs`, { token: tanYen, body: need })).status).toBe(201);
    } finally {
      await api.close();
    }
    const store = new SqliteEventStore({ path: sqlitePath });
    await store.append(
      `round-${roundId}`,
      [
        {
          id: randomUUID(),
          type: 'NeedAmended',
          schemaVersion: 1,
          data: { roundId, needId: 'ngoc-van', quantity: 3, acceptedMajors: ['Kế toán', 'Luật'] },
          metadata: {
            correlationId: 'older-build',
            causationId: 'older-build',
            actor: { id: 'e2e-district-board-216', role: 'district-board', unit: '216' },
            occurredAt: new Date().toISOString(),
          },
        },
      ],
      { expectedRevision: 1 },
    );
    await store.close();
  });

  it('is read back through the API as its current version, and the next command works on it', async () => {
    const api = await startApi({}, sqlitePath);
    try {
      const before = await api.call('GET', `/rounds/${roundId}`, { token: province });
      expect(before.body.needs).toEqual([
        expect.objectContaining({ needId: 'ngoc-van', quantity: 3, acceptedMajors: ['Kế toán', 'Luật'] }),
      ]);

      const unchanged = await api.call('PATCH', `/rounds/${roundId}/needs/ngoc-van`, { token: tanYen, body: { quantity: 3 } });
      expect(unchanged.body).toMatchObject({ status: 'ignored', revision: 2 });
      const amended = await api.call('PATCH', `/rounds/${roundId}/needs/ngoc-van`, { token: tanYen, body: { quantity: 4 } });
      expect(amended.body).toMatchObject({ status: 'accepted', revision: 3, events: [{ type: 'NeedAmended' }] });
      const after = await api.call('GET', `/rounds/${roundId}`, { token: province });
      expect(after.body.needs).toEqual([expect.objectContaining({ quantity: 4, acceptedMajors: ['Kế toán', 'Luật'] })]);
    } finally {
      await api.close();
    }
    const store = new SqliteEventStore({ path: sqlitePath });
    const [older, newer] = (await store.readStream(`round-${roundId}`)).slice(2);
    await store.close();
    expect([older.schemaVersion, older.data]).toEqual([
      1,
      { roundId, needId: 'ngoc-van', quantity: 3, acceptedMajors: ['Kế toán', 'Luật'] },
    ]);
    expect([newer.schemaVersion, newer.data]).toEqual([2, { roundId, needId: 'ngoc-van', changes: { quantity: 4 } }]);
  });
});
