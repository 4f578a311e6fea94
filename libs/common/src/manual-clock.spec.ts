import { ManualClock } from './manual-clock';
import { SystemClock } from './clock';

describe('the manual clock', () => {
  it('stands still until moved, and moves only forwards', () => {
    const clock = new ManualClock('2026-03-02T01:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(clock.advance(90 * 86_400_000).toISOString()).toBe('2026-05-31T01:00:00.000Z');
    expect(() => clock.advance(-1)).toThrow('forwards');
    clock.set('2027-01-01T00:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('is not the wall clock; the system clock is', () => {
    expect(new ManualClock().isWallClock).toBe(false);
    expect(new SystemClock().isWallClock).toBe(true);
  });
});
