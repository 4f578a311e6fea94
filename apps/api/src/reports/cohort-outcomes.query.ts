import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  cohortOutcomes,
  cohortOutcomesProjection,
  OUTCOME_CATEGORIES,
  PRIOR_POSITION_CATEGORIES,
  type CohortFilter,
  type CohortRow,
} from '@app/read-models';
import type { CsvColumn } from '../http/csv';
import { ReadYourWrites } from '../http/read-your-writes';
import { ReportLabels } from './report-labels';
import type { ReportResult } from './report-response';

export type CohortReportRow = CohortRow & { districtName: string | null };

export class GetCohortOutcomes {
  constructor(
    readonly filter: CohortFilter,
    readonly minPosition?: string,
  ) {}
}

/** One column per prior position and per outcome, headed `prior:<code>` and `outcome:<code>` as in the reference lists. */
export const COHORT_COLUMNS: CsvColumn<CohortReportRow>[] = [
  { header: 'classId', value: (row) => row.classId },
  { header: 'className', value: (row) => row.className },
  { header: 'districtCode', value: (row) => row.districtCode },
  { header: 'districtName', value: (row) => row.districtName },
  { header: 'trainees', value: (row) => row.trainees },
  { header: 'trained', value: (row) => row.trained },
  { header: 'placeable', value: (row) => row.placeable },
  ...Object.keys(PRIOR_POSITION_CATEGORIES).map((code) => ({
    header: `prior:${code}`,
    value: (row: CohortReportRow) => row.priorPositions[code],
  })),
  ...Object.keys(OUTCOME_CATEGORIES).map((code) => ({ header: `outcome:${code}`, value: (row: CohortReportRow) => row.outcomes[code] })),
  { header: 'placed', value: (row) => row.placed },
  { header: 'placementRate', value: (row) => row.placementRate },
];

/** Per training class (cohort) and district: trainees by position before, outcome after, and the placement rate. */
@QueryHandler(GetCohortOutcomes)
export class GetCohortOutcomesHandler implements IQueryHandler<GetCohortOutcomes, ReportResult<CohortReportRow>> {
  constructor(
    private readonly readModels: ReadYourWrites,
    private readonly labels: ReportLabels,
  ) {}

  async execute({ filter, minPosition }: GetCohortOutcomes): Promise<ReportResult<CohortReportRow>> {
    const { tables, position } = await this.readModels.tables(cohortOutcomesProjection, minPosition);
    const rows = cohortOutcomes(this.readModels.db, tables, filter).map((row) => ({
      ...row,
      districtName: this.labels.districtName(row.districtCode),
    }));
    return { position, rows, categories: { priorPositions: PRIOR_POSITION_CATEGORIES, outcomes: OUTCOME_CATEGORIES } };
  }
}
