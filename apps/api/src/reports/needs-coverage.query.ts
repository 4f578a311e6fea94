import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { needsCoverage, needsCoverageProjection, type CoverageFilter, type CoverageRow } from '@app/read-models';
import type { CsvColumn } from '../http/csv';
import { ReadYourWrites } from '../http/read-your-writes';
import { ReportLabels } from './report-labels';
import type { ReportResult } from './report-response';

export type CoverageReportRow = CoverageRow & { districtName: string | null; titleName: string | null };

export class GetNeedsCoverage {
  constructor(
    readonly filter: CoverageFilter,
    readonly minPosition?: string,
  ) {}
}

const counted: (keyof CoverageRow)[] = ['registered', 'approved', 'applicants', 'selected', 'inTraining', 'placed', 'stillOpen'];

export const COVERAGE_COLUMNS: CsvColumn<CoverageReportRow>[] = [
  { header: 'roundId', value: (row) => row.roundId },
  { header: 'districtCode', value: (row) => row.districtCode },
  { header: 'districtName', value: (row) => row.districtName },
  { header: 'communeCode', value: (row) => row.communeCode },
  { header: 'communeName', value: (row) => row.communeName },
  { header: 'title', value: (row) => row.title },
  { header: 'titleName', value: (row) => row.titleName },
  ...counted.map((field) => ({ header: field, value: (row: CoverageReportRow) => row[field] })),
];

/** Per commune × title of each round: seats registered and approved, applicants, selected, in training, placed, still open. */
@QueryHandler(GetNeedsCoverage)
export class GetNeedsCoverageHandler implements IQueryHandler<GetNeedsCoverage, ReportResult<CoverageReportRow>> {
  constructor(
    private readonly readModels: ReadYourWrites,
    private readonly labels: ReportLabels,
  ) {}

  async execute({ filter, minPosition }: GetNeedsCoverage): Promise<ReportResult<CoverageReportRow>> {
    const { tables, position } = await this.readModels.tables(needsCoverageProjection, minPosition);
    const rows = needsCoverage(this.readModels.db, tables, filter).map((row) => ({
      ...row,
      districtName: this.labels.districtName(row.districtCode),
      titleName: this.labels.titleName(row.title),
    }));
    return { position, rows };
  }
}
