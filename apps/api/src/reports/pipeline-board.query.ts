import type Database from 'better-sqlite3';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@app/common';
import type { TableNames } from '@app/projections';
import {
  boardCandidates,
  boardCounts,
  pipelineBoardProjection,
  type BoardCandidate,
  type BoardCount,
  type BoardFilter,
  type PipelineBoardTables,
} from '@app/read-models';
import type { CsvColumn } from '../http/csv';
import { ReadYourWrites } from '../http/read-your-writes';
import { ReportLabels } from './report-labels';
import type { ReportResult } from './report-response';

export type BoardView = 'candidates' | 'counts';
export type BoardCandidateRow = BoardCandidate & { districtName: string | null; stepName: string | null };
export type BoardCountRow = BoardCount & { districtName: string | null };

export class GetPipelineBoard {
  constructor(
    readonly filter: BoardFilter,
    readonly view: BoardView = 'candidates',
    readonly minPosition?: string,
  ) {}
}

/** The board's rows from any copy of its tables (the live one, or a replay as of a date), named for people. */
export function boardRows(
  db: Database.Database,
  tables: TableNames<PipelineBoardTables>,
  filter: BoardFilter,
  view: BoardView,
  now: Date,
  labels: ReportLabels,
): (BoardCandidateRow | BoardCountRow)[] {
  if (view === 'counts') {
    return boardCounts(db, tables, filter, now).map((row) => ({ ...row, districtName: labels.districtName(row.districtCode) }));
  }
  return boardCandidates(db, tables, filter, now).items.map((row) => ({
    ...row,
    districtName: labels.districtName(row.districtCode),
    stepName: labels.stepName(row.definition, row.step),
  }));
}

const place = <R extends BoardCount | BoardCandidate>(): CsvColumn<R & { districtName: string | null }>[] => [
  { header: 'roundId', value: (row) => row.roundId },
  { header: 'districtCode', value: (row) => row.districtCode },
  { header: 'districtName', value: (row) => row.districtName },
  { header: 'communeCode', value: (row) => row.communeCode },
  { header: 'communeName', value: (row) => row.communeName },
];

export const BOARD_COLUMNS: Record<BoardView, CsvColumn<never>[]> = {
  candidates: [
    ...place<BoardCandidate>(),
    { header: 'actingDistrictCode', value: (row: BoardCandidateRow) => row.actingDistrictCode },
    { header: 'step', value: (row: BoardCandidateRow) => row.step },
    { header: 'stepName', value: (row: BoardCandidateRow) => row.stepName },
    { header: 'status', value: (row: BoardCandidateRow) => row.status },
    { header: 'exitReason', value: (row: BoardCandidateRow) => row.exitReason },
    { header: 'candidateId', value: (row: BoardCandidateRow) => row.candidateId },
    { header: 'fullName', value: (row: BoardCandidateRow) => row.fullName },
    { header: 'title', value: (row: BoardCandidateRow) => row.title },
    { header: 'enteredStepAt', value: (row: BoardCandidateRow) => row.enteredStepAt },
    { header: 'daysInStep', value: (row: BoardCandidateRow) => row.daysInStep },
  ],
  counts: [
    ...place<BoardCount>(),
    { header: 'step', value: (row: BoardCountRow) => row.step },
    { header: 'status', value: (row: BoardCountRow) => row.status },
    { header: 'candidates', value: (row: BoardCountRow) => row.candidates },
    { header: 'maxDaysInStep', value: (row: BoardCountRow) => row.maxDaysInStep },
  ],
} as Record<BoardView, CsvColumn<never>[]>;

/** Candidates per step × district × commune × round, with names and whole days in the current step (counted now). */
@QueryHandler(GetPipelineBoard)
export class GetPipelineBoardHandler implements IQueryHandler<GetPipelineBoard, ReportResult<BoardCandidateRow | BoardCountRow>> {
  constructor(
    private readonly readModels: ReadYourWrites,
    private readonly labels: ReportLabels,
    private readonly clock: Clock,
  ) {}

  async execute({ filter, view, minPosition }: GetPipelineBoard): Promise<ReportResult<BoardCandidateRow | BoardCountRow>> {
    const { tables, position } = await this.readModels.tables(pipelineBoardProjection, minPosition);
    return { position, rows: boardRows(this.readModels.db, tables, filter, view, this.clock.now(), this.labels) };
  }
}
