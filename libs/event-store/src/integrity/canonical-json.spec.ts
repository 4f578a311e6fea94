import { canonicalJson } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives one text whatever the key order and agrees with its own JSON round trip', () => {
    const value = {
      name: 'Nguyễn Thị Hương Giang',
      when: new Date('2026-03-01T08:00:00Z'),
      skip: undefined,
      zero: -0,
      list: [undefined, 1.5e-7],
    };
    const reordered = { list: value.list, zero: value.zero, when: value.when, name: value.name };
    expect(canonicalJson(value)).toBe(canonicalJson(reordered));
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
    expect(canonicalJson(value)).toBe('{"list":[null,1.5e-7],"name":"Nguyễn Thị Hương Giang","when":"2026-03-01T08:00:00.000Z","zero":0}');
  });

  it('keeps NFC and NFD text as the different bytes they are', () => {
    const nfc = canonicalJson({ place: 'Bắc Giang' });
    const nfd = canonicalJson({ place: 'Bắc Giang'.normalize('NFD') });
    expect(nfc).not.toBe(nfd);
    expect(JSON.parse(nfd).place).toBe('Bắc Giang'.normalize('NFD'));
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ big: 1n })).toThrow('BigInt');
    expect(() => canonicalJson(undefined)).toThrow('no JSON form');
  });

  it('refuses numbers JSON cannot hold, which JSON.stringify would write as null', () => {
    for (const value of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]) {
      expect(() => canonicalJson({ score: value })).toThrow(`${value} has no JSON form`);
    }
  });
});
