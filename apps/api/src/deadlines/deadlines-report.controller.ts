import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@app/pipeline';
import { CurrentActor } from '../auth/auth.decorators';
import { problem, ProblemException } from '../http/problem';
import { toCsv } from './csv';
import { GetDeadlinesReport, DeadlinesReportQueryDto, type DeadlinesReport } from './deadlines-report.query';

const CSV_HEADER = [
  'deadline_id',
  'kind',
  'status',
  'due_at',
  'days_left',
  'unit',
  'district',
  'round_id',
  'subject_id',
  'subject_name',
  'reminders_sent',
] as const;

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
    if (actor.role === 'district-board') {
      if (query.district && query.district !== actor.district)
        throw new ProblemException(
          problem(403, 'NOT_YOUR_DISTRICT', `district board ${actor.district} may not see district ${query.district}`),
        );
      query.district = actor.district;
    }
    const csv = query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/.test(accept ?? ''));
    const report = await this.queries.execute<GetDeadlinesReport, DeadlinesReport>(new GetDeadlinesReport(query, csv));
    if (!csv) return report;
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="deadlines-${report.asOf.slice(0, 10)}.csv"`);
    return toCsv(
      CSV_HEADER,
      report.items.map((row) => [
        row.deadlineId,
        row.kind,
        row.status,
        row.dueAt,
        row.daysLeft,
        row.unit,
        row.district,
        row.roundId,
        row.subject.id,
        row.subject.name,
        row.reminders
          .filter((reminder) => reminder.sent)
          .map((reminder) => reminder.daysBefore)
          .join(' '),
      ]),
    );
  }
}
