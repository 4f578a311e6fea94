import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { programmeTarget, programmeTargetProjection, type TargetFilter, type TargetRow } from '@app/read-models';
import type { CsvColumn } from '../http/csv';
import { ReadYourWrites } from '../http/read-your-writes';
import { ReportLabels } from './report-labels';
import type { ReportResult } from './report-response';

export class GetProgrammeTarget {
  constructor(
    readonly filter: TargetFilter,
    readonly minPosition?: string,
  ) {}
}

export const TARGET_COLUMNS: CsvColumn<TargetRow>[] = [
  { header: 'programme', value: (row) => row.programme },
  { header: 'districtCode', value: (row) => row.districtCode },
  { header: 'targetMin', value: (row) => row.target?.minSources },
  { header: 'targetMax', value: (row) => row.target?.maxSources },
  { header: 'targetBy', value: (row) => row.target?.by },
  { header: 'produced', value: (row) => row.produced },
  { header: 'producedByTargetDate', value: (row) => row.producedByTargetDate },
  { header: 'inPipeline', value: (row) => row.inPipeline },
  { header: 'leftAfterCompletion', value: (row) => row.leftAfterCompletion },
  { header: 'remainingToMin', value: (row) => row.remainingToMin },
  { header: 'progress', value: (row) => row.progress },
];

/** Sources produced per programme against the target its pipeline definition sets (Bắc Giang: 400–500 by 2025). */
@QueryHandler(GetProgrammeTarget)
export class GetProgrammeTargetHandler implements IQueryHandler<GetProgrammeTarget, ReportResult<TargetRow>> {
  constructor(
    private readonly readModels: ReadYourWrites,
    private readonly labels: ReportLabels,
  ) {}

  async execute({ filter, minPosition }: GetProgrammeTarget): Promise<ReportResult<TargetRow>> {
    const { tables, position } = await this.readModels.tables(programmeTargetProjection, minPosition);
    return { position, rows: programmeTarget(this.readModels.db, tables, filter, this.labels.targetOf, this.labels.targetedProgrammes()) };
  }
}
