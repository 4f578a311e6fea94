import { comparePositions, formatPosition, parsePosition, positionOf } from './position';

describe('global positions', () => {
  it('orders by commit, then prepare', () => {
    expect(comparePositions(positionOf(1), positionOf(2))).toBeLessThan(0);
    expect(comparePositions({ commit: 5n, prepare: 9n }, { commit: 5n, prepare: 3n })).toBeGreaterThan(0);
    expect(comparePositions(positionOf(7), positionOf(7))).toBe(0);
  });

  it('formats and parses both shapes, rejecting anything else', () => {
    expect(formatPosition(positionOf(42))).toBe('42');
    expect(formatPosition({ commit: 18446744073709551615n, prepare: 3n })).toBe('18446744073709551615/3');
    expect(parsePosition('42')).toEqual(positionOf(42));
    expect(parsePosition('10/8')).toEqual({ commit: 10n, prepare: 8n });
    expect(() => parsePosition('-1')).toThrow('position must be');
    expect(() => parsePosition('abc')).toThrow('position must be');
  });
});
