import { parse } from 'csv-parse/sync';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldErrors } from '../http/validation';
import { problem, ProblemException } from '../http/problem';

export type RowReport =
  | { row: number; status: 'accepted'; id: string; revision: number; position?: string }
  | { row: number; status: 'rejected'; id?: string; code: string; detail: string; errors?: { field: string; rule: string }[] };

export const MAX_IMPORT_ROWS = 5_000;

/**
 * The answer of a bulk import: counts, every row's report, and the position of
 * the last accepted row (rows run one after another, so it is the highest) for
 * read-your-writes.
 */
export function importReport(rows: RowReport[]) {
  const accepted = rows.filter((report) => report.status === 'accepted');
  return { accepted: accepted.length, rejected: rows.length - accepted.length, position: accepted.at(-1)?.position, rows };
}

/** Rows of a CSV with a header line; names are composed to NFC. Row numbers count the header as row 1. */
export function csvRecords(csv: string): { row: number; record: Record<string, string> }[] {
  let records: Record<string, string>[];
  try {
    records = parse(csv.normalize('NFC'), { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new ProblemException(problem(400, 'MALFORMED_CSV', `the CSV cannot be read: ${(error as Error).message}`));
  }
  if (records.length > MAX_IMPORT_ROWS)
    throw new ProblemException(problem(413, 'TOO_MANY_ROWS', `at most ${MAX_IMPORT_ROWS} rows per import`));
  return records.map((record, index) => ({ row: index + 2, record }));
}

/** Validates one row against a DTO, as a request body would be; the errors name the CSV columns. */
export async function validRow<T extends object>(type: ClassConstructor<T>, plain: object): Promise<T | { field: string; rule: string }[]> {
  const instance = plainToInstance(type, plain, { enableImplicitConversion: true });
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  return errors.length > 0 ? fieldErrors(errors) : instance;
}

/** A refusal as a row report: validation, a domain rule or anything the command raised. */
export function rejectedRow(row: number, error: unknown, id?: string): RowReport {
  if (error instanceof ProblemException) {
    const { code, detail, errors } = error.problem;
    return { row, status: 'rejected', ...(id ? { id } : {}), code, detail, ...(errors ? { errors } : {}) };
  }
  throw error;
}
