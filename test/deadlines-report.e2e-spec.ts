import { tokenFor } from './support/api';
import { DAY, eventually, ok, startTimersApi, type TimersApi } from './support/timers';
import { applyAndSelect, daysFrom, monthsAfter, openClass, openRound, passTraining, startPracticum, tokens } from './support/journey';

jest.setTimeout(30_000);

describe('GET /reports/deadlines', () => {
  let api: TimersApi;
  let candidateId: string;
  let practicumEnd: string;
  let practicumStarted: string;
  const report = async (token: string, query = '') => ok(api.call('GET', `/reports/deadlines${query}`, { token }));

  beforeAll(async () => {
    api = await startTimersApi();
    await openRound(api, 'r-report', 200);
    // Typed in decomposed form (NFD); stored and reported composed (NFC).
    candidateId = await applyAndSelect(api, 'r-report', '024201000077', 'Trần Thị Mai Hương'.normalize('NFD'));
    await openClass(api, 'k-report', 'r-report');
    await passTraining(api, 'k-report', candidateId);
    practicumEnd = monthsAfter(daysFrom(api, 0), 3);
    practicumStarted = (await startPracticum(api, candidateId)).position;
    await api.settle(practicumStarted);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('lists pending deadlines soonest first, with unit, district, subject and reminders', async () => {
    const { items, total, asOf } = await report(tokens.province);
    expect(asOf).toBe(api.clock.now().toISOString());
    expect(total).toBe(3);
    expect(items.map((row: any) => row.kind)).toEqual(['practicum-end', 'registration-window-close', 'training-planned-end']);
    expect(items[0]).toEqual({
      deadlineId: `${candidateId}/practicum-end/1`,
      kind: 'practicum-end',
      status: 'upcoming',
      dueAt: practicumEnd,
      daysLeft: Math.floor((Date.parse(practicumEnd) - api.clock.now().getTime()) / DAY),
      unit: 'district-216',
      district: '216',
      roundId: 'r-report',
      subject: { stream: `candidate-${candidateId}`, id: candidateId, name: 'Trần Thị Mai Hương'.normalize('NFC') },
      reminders: [
        { daysBefore: 14, at: new Date(Date.parse(practicumEnd) - 14 * DAY).toISOString(), sent: false },
        { daysBefore: 3, at: new Date(Date.parse(practicumEnd) - 3 * DAY).toISOString(), sent: false },
      ],
    });
    expect(items[1]).toMatchObject({ unit: 'province', district: null, subject: { id: 'r-report' } });
    expect(items[2]).toMatchObject({ unit: 'political-school', district: null, subject: { id: 'k-report', name: 'Lớp tạo nguồn khóa I' } });
    expect((await report(tokens.province, '?kind=practicum-end&pageSize=1')).items).toHaveLength(1);
  });

  it('shows a district board its own district’s deadlines and its province’s rounds’, no other', async () => {
    expect((await report(tokens.tanYen)).items.map((row: any) => row.kind)).toEqual(['practicum-end', 'registration-window-close']);
    expect((await report(tokens.langGiang)).items.map((row: any) => row.kind)).toEqual(['registration-window-close']);
    // Ba Đình (001) is in Hà Nội: a Bắc Giang round is none of its business.
    expect((await report(tokenFor('district-board', '001'))).items).toEqual([]);
    const other = await api.call('GET', '/reports/deadlines?district=216', { token: tokens.langGiang });
    expect(other).toMatchObject({ status: 403, body: { code: 'NOT_YOUR_DISTRICT' } });
  });

  it('marks reminders sent, and counts a deadline overdue once it is due and has not fired', async () => {
    await api.advance(Date.parse(practicumEnd) - 14 * DAY - api.clock.now().getTime());
    await eventually(async () => (await report(tokens.tanYen)).items[0].reminders[0].sent);
    expect((await report(tokens.tanYen)).items[0].reminders.map((reminder: any) => reminder.sent)).toEqual([true, false]);
    expect((await report(tokens.province, '?status=overdue')).total).toBe(0);
    expect((await report(tokens.province, '?status=upcoming')).total).toBe(3);
  });

  it('answers CSV with a UTF-8 byte-order mark, asked by ?format=csv or Accept: text/csv', async () => {
    const asCsv: { query: string; headers: Record<string, string> }[] = [
      { query: '?format=csv', headers: {} },
      { query: '', headers: { accept: 'text/csv' } },
    ];
    for (const { query, headers } of asCsv) {
      const response = await fetch(`${api.url}/reports/deadlines${query}`, {
        headers: { authorization: `Bearer ${tokens.tanYen}`, ...headers },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="deadlines-\d{4}-\d{2}-\d{2}\.csv"$/);
      // Read the bytes: a text() decoder would swallow the byte-order mark.
      const bytes = Buffer.from(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      const lines = text.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe('deadline_id,kind,status,due_at,days_left,unit,district,round_id,subject_id,subject_name,reminders_sent');
      expect(lines.slice(1)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^${candidateId}/practicum-end/1,practicum-end,upcoming,${practicumEnd},14,district-216,216,r-report,${candidateId},Trần Thị Mai Hương,14$`,
          ),
        ),
        expect.stringMatching(/^r-report\/registration-window-close\/1,registration-window-close,upcoming,.*,province,,r-report,r-report,/),
      ]);
      expect(text).toContain('Trần Thị Mai Hương'.normalize('NFC'));
    }
  });

  it('refuses a bad filter, naming the field and its rule', async () => {
    const bad = await api.call('GET', '/reports/deadlines?status=late', { token: tokens.province });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'status' })] } });
  });

  it('reads its own writes like every report (as do notifications and deliveries): the position it reflects, 400 past the log', async () => {
    for (const path of ['/reports/deadlines', '/notifications', '/webhooks/deliveries']) {
      const caught = await api.call('GET', `${path}?minPosition=${practicumStarted}`, { token: tokens.tanYen });
      expect({ path, status: caught.status }).toEqual({ path, status: 200 });
      expect(Number(caught.body.position)).toBeGreaterThanOrEqual(Number(practicumStarted));
      if (path === '/reports/deadlines') expect(caught.headers.get('x-read-model-position')).toBe(caught.body.position);
      const ahead = await api.call('GET', `${path}?minPosition=${Number(practicumStarted) + 10_000}`, { token: tokens.tanYen });
      expect({ path, status: ahead.status, errors: ahead.body.errors }).toEqual({
        path,
        status: 400,
        errors: [{ field: 'minPosition', rule: expect.stringContaining('a position the log has reached') }],
      });
    }
  });
});
