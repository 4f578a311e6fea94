import { toCsv as toCsvOf } from './csv';

/** Rows as arrays, one column per header. */
const toCsv = (header: string[], rows: unknown[][]) =>
  toCsvOf(
    header.map((name, index) => ({ header: name, value: (row: unknown[]) => row[index] })),
    rows,
  );

describe('CSV for spreadsheets', () => {
  it('starts with a byte-order mark and ends lines with CRLF', () => {
    expect(toCsv(['a', 'b'], [['Xã Ngọc Vân', 3]])).toBe('\uFEFFa,b\r\nXã Ngọc Vân,3\r\n');
  });

  it('quotes fields with commas, quotes or line breaks, and leaves empty what is absent', () => {
    expect(toCsv(['x'], [['Phòng Nội vụ, huyện "Tân Yên"'], ['hai\ndòng'], [null], [undefined]])).toBe(
      '\uFEFFx\r\n"Phòng Nội vụ, huyện ""Tân Yên"""\r\n"hai\ndòng"\r\n\r\n\r\n',
    );
  });

  it('keeps a spreadsheet from running text as a formula, but not numbers', () => {
    expect(toCsv(['x', 'n'], [['=HYPERLINK("x")', -3]])).toBe('\uFEFFx,n\r\n"\'=HYPERLINK(""x"")",-3\r\n');
  });
});
