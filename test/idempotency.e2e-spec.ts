import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@app/event-store';
import { startApi, tokenFor } from './support/api';
import { tempSqlitePath } from './support/processes';

const province = tokenFor('province-board');
const opensAt = new Date(Date.now() - 86_400_000).toISOString();
const closesAt = new Date(Date.now() + 86_400_000).toISOString();
const round = (roundId: string) => ({
  roundId,
  name: 'Đợt thử nghiệm',
  provinceCode: '24',
  registrationOpensAt: opensAt,
  registrationClosesAt: closesAt,
});

describe('Idempotency-Key', () => {
  it('replays the first response to a retry, across a restart of the API, without a second append', async () => {
    const sqlitePath = tempSqlitePath();
    const key = `open-${randomUUID()}`;
    const roundId = `idem-${randomUUID().slice(0, 8)}`;
    const first = await startApi({}, sqlitePath);
    let second: Awaited<ReturnType<typeof startApi>> | undefined;
    try {
      const original = await first.call('POST', '/rounds', { token: province, body: round(roundId), headers: { 'idempotency-key': key } });
      expect(original.status).toBe(201);
      const retried = await first.call('POST', '/rounds', { token: province, body: round(roundId), headers: { 'idempotency-key': key } });
      expect(retried).toMatchObject({ status: 201, body: original.body });
      expect(retried.headers.get('idempotent-replayed')).toBe('true');
      expect(retried.headers.get('etag')).toBe(original.headers.get('etag'));
      await first.close();

      second = await startApi({}, sqlitePath);
      const afterRestart = await second.call('POST', '/rounds', {
        token: province,
        body: round(roundId),
        headers: { 'idempotency-key': key },
      });
      expect(afterRestart).toMatchObject({ status: 201, body: original.body });
      const reused = await second.call('POST', '/rounds', {
        token: province,
        body: { ...round(roundId), name: 'Khác' },
        headers: { 'idempotency-key': key },
      });
      expect(reused).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    } finally {
      await first.close().catch(() => undefined);
      await second?.close();
    }

    const store = new SqliteEventStore({ path: sqlitePath });
    expect(await store.readStream(`round-${roundId}`)).toHaveLength(1);
    await store.close();
  });

  it('does not remember a refusal, so a corrected retry with the same key goes through', async () => {
    const api = await startApi({}, tempSqlitePath());
    try {
      const key = `fix-${randomUUID()}`;
      const roundId = `idem-${randomUUID().slice(0, 8)}`;
      const refused = await api.call('POST', '/rounds', {
        token: province,
        body: { ...round(roundId), provinceCode: 'x' },
        headers: { 'idempotency-key': key },
      });
      expect(refused.status).toBe(400);
      const corrected = await api.call('POST', '/rounds', { token: province, body: round(roundId), headers: { 'idempotency-key': key } });
      expect(corrected.status).toBe(201);
      expect(
        (await api.call('POST', '/rounds', { token: province, body: round(roundId), headers: { 'idempotency-key': 'short' } })).body,
      ).toMatchObject({ code: 'INVALID_IDEMPOTENCY_KEY' });
    } finally {
      await api.close();
    }
  });
});
