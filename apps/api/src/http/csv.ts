/** One CSV column: its header and how to read its value from a row. */
export interface CsvColumn<R> {
  header: string;
  value: (row: R) => unknown;
}

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * RFC 4180: a field with a comma, a double quote, a line break or edge spaces
 * is quoted, quotes doubled. Text a spreadsheet would run as a formula
 * (=, +, -, @ first: names and communes are typed by people) gets a leading '.
 */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const raw = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${raw}` : raw;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV document: UTF-8 with a byte-order mark (so Excel reads Vietnamese
 * correctly), a header row, CRLF line ends, text in NFC.
 */
export function toCsv<R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): string {
  const lines = [columns.map((column) => field(column.header)), ...rows.map((row) => columns.map((column) => field(column.value(row))))];
  return `${BOM}${lines.map((line) => line.join(',')).join(CRLF)}${CRLF}`.normalize('NFC');
}

/** `?format=` wins; otherwise CSV when the Accept header asks for text/csv. */
export function wantsCsv(format: 'json' | 'csv' | undefined, accept: string | undefined): boolean {
  if (format) return format === 'csv';
  return /(^|,)\s*text\/csv\b/i.test(accept ?? '');
}
