import type { FastifyReply, FastifyRequest } from 'fastify';
import { toCsv, wantsCsv, type CsvColumn } from '../http/csv';

export interface ReportResult<R> {
  /** The read model's checkpoint: the newest event the rows reflect. */
  position?: string;
  rows: R[];
  [meta: string]: unknown;
}

/**
 * Answers a report as JSON (`{report, position, …, rows}`) or, when asked
 * for, as a CSV download of the rows; the position travels in a header then.
 */
export function reportResponse<R>(
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  format: 'json' | 'csv' | undefined,
  result: ReportResult<R>,
  columns: readonly CsvColumn<R>[],
): unknown {
  if (result.position) void reply.header('x-read-model-position', result.position);
  if (!wantsCsv(format, request.headers.accept)) return { report: name, ...result };
  void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`);
  return toCsv(columns, result.rows);
}
