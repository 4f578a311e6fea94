import { addMonths, startOfVietnamDay, vietnamDate, withinMonths } from './calendar';

describe('calendar months in Vietnam time', () => {
  it('counts months on the Vietnamese calendar date, not the UTC one', () => {
    // 2026-01-31 06:00 in Vietnam is still 2026-01-30 in UTC.
    const lateJanuary = new Date('2026-01-30T23:00:00Z');
    expect(vietnamDate(lateJanuary)).toBe('2026-01-31');
    expect(vietnamDate(addMonths(lateJanuary, 1))).toBe('2026-02-28');
    expect(vietnamDate(addMonths(lateJanuary, 3))).toBe('2026-04-30');
    expect(addMonths(new Date('2026-04-01T01:00:00Z'), 6).toISOString()).toBe('2026-10-01T01:00:00.000Z');
  });

  it('bounds a period inclusively in months', () => {
    const start = startOfVietnamDay('2026-04-01');
    expect(start.toISOString()).toBe('2026-03-31T17:00:00.000Z');
    expect(withinMonths(start, startOfVietnamDay('2026-10-01'), 6, 8)).toBe(true);
    expect(withinMonths(start, startOfVietnamDay('2026-12-01'), 6, 8)).toBe(true);
    expect(withinMonths(start, startOfVietnamDay('2026-09-30'), 6, 8)).toBe(false);
    expect(withinMonths(start, startOfVietnamDay('2026-12-02'), 6, 8)).toBe(false);
  });
});
