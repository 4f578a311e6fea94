import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { stepFunnel, stepFunnelProjection, type FunnelFilter, type FunnelRow } from '@app/read-models';
import type { CsvColumn } from '../http/csv';
import { ReadYourWrites } from '../http/read-your-writes';
import { ReportLabels } from './report-labels';
import type { ReportResult } from './report-response';

export type FunnelReportRow = FunnelRow & { stepName: string | null };

export class GetStepFunnel {
  constructor(
    readonly filter: FunnelFilter,
    readonly minPosition?: string,
  ) {}
}

const figures: (keyof FunnelRow)[] = ['entered', 'movedOn', 'exited', 'inStep', 'conversion', 'fromPrevious', 'medianDays', 'p90Days'];

export const FUNNEL_COLUMNS: CsvColumn<FunnelReportRow>[] = [
  { header: 'roundId', value: (row) => row.roundId },
  { header: 'definition', value: (row) => `${row.definition.id} v${row.definition.version}` },
  { header: 'step', value: (row) => row.step },
  { header: 'stepName', value: (row) => row.stepName },
  ...figures.map((field) => ({ header: field, value: (row: FunnelReportRow) => row[field] })),
];

/** Per round and step, in the definition's order: conversion and the median and p90 days spent by those who moved on. */
@QueryHandler(GetStepFunnel)
export class GetStepFunnelHandler implements IQueryHandler<GetStepFunnel, ReportResult<FunnelReportRow>> {
  constructor(
    private readonly readModels: ReadYourWrites,
    private readonly labels: ReportLabels,
  ) {}

  async execute({ filter, minPosition }: GetStepFunnel): Promise<ReportResult<FunnelReportRow>> {
    const { tables, position } = await this.readModels.tables(stepFunnelProjection, minPosition);
    const rows = stepFunnel(this.readModels.db, tables, filter, this.labels.stepOrder).map((row) => ({
      ...row,
      stepName: this.labels.stepName(row.definition, row.step),
    }));
    return { position, rows };
  }
}
