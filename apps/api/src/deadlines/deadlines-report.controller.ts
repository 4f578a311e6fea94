import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@app/pipeline';
import { CurrentActor } from '../auth/auth.decorators';
import { toCsv, wantsCsv, type CsvColumn } from '../http/csv';
import { scopedToOwnDistrict } from '../http/district-scope';
import { GetDeadlinesReport, DeadlinesReportQueryDto, type DeadlineReportRow, type DeadlinesReport } from './deadlines-report.query';

const DEADLINE_COLUMNS: CsvColumn<DeadlineReportRow>[] = [
  { header: 'deadline_id', value: (row) => row.deadlineId },
  { header: 'kind', value: (row) => row.kind },
  { header: 'status', value: (row) => row.status },
  { header: 'due_at', value: (row) => row.dueAt },
  { header: 'days_left', value: (row) => row.daysLeft },
  { header: 'unit', value: (row) => row.unit },
  { header: 'district', value: (row) => row.district },
  { header: 'round_id', value: (row) => row.roundId },
  { header: 'subject_id', value: (row) => row.subject.id },
  { header: 'subject_name', value: (row) => row.subject.name },
  {
    header: 'reminders_sent',
    value: (row) =>
      row.reminders
        .filter((reminder) => reminder.sent)
        .map((reminder) => reminder.daysBefore)
        .join(' '),
  },
];

/** Reports follow `GET /reports/<name>`; this one is the deadlines read model. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class DeadlinesReportController {
  constructor(private readonly queries: QueryBus) {}

  /** Upcoming and overdue deadlines by unit; a district board sees its own district's only. */
  @Get('deadlines')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'Pending deadlines, soonest first: JSON pages, or every row as CSV (UTF-8 with BOM)' })
  async deadlines(
    @Query() query: DeadlinesReportQueryDto,
    @CurrentActor() actor: Actor,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const csv = wantsCsv(query.format, accept);
    const report = await this.queries.execute<GetDeadlinesReport, DeadlinesReport>(
      new GetDeadlinesReport(scopedToOwnDistrict(actor, query), csv),
    );
    if (report.position) void reply.header('x-read-model-position', report.position);
    if (!csv) return report;
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="deadlines-${report.asOf.slice(0, 10)}.csv"`);
    return toCsv(DEADLINE_COLUMNS, report.items);
  }
}
