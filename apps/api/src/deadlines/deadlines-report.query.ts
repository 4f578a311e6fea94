import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { Clock } from '@app/common';
import { DEADLINE_KINDS, type DeadlineKind } from '@app/pipeline';
import { deadlinesProjection } from '@app/read-models';
import { DISTRICT_CODE, ID_PATTERN, ID_RULE } from '../http/dto-rules';
import { OptionalCount, OptionalMinPosition } from '../http/query-rules';
import { ReadYourWrites } from '../http/read-your-writes';
import { AdminUnits } from '../reference/admin-units';

const DAY_MS = 86_400_000;

export class DeadlinesReportQueryDto {
  @ApiPropertyOptional({ enum: ['upcoming', 'overdue'], description: 'Both when absent' })
  @IsOptional()
  @IsIn(['upcoming', 'overdue'])
  status?: 'upcoming' | 'overdue';
  @ApiPropertyOptional({ enum: DEADLINE_KINDS }) @IsOptional() @IsIn(DEADLINE_KINDS) kind?: DeadlineKind;
  @ApiPropertyOptional({ example: '216' })
  @IsOptional()
  @Matches(DISTRICT_CODE, { message: 'a three-digit district code' })
  district?: string;
  @ApiPropertyOptional({ example: 'bg-2026' }) @IsOptional() @Matches(ID_PATTERN, { message: ID_RULE }) roundId?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv (or Accept: text/csv) returns every matching row as CSV' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
  @OptionalCount(1, 1) page?: number;
  @OptionalCount(100, 100, 1000) pageSize?: number;
  @OptionalMinPosition() minPosition?: string;
}

export interface DeadlineReportRow {
  deadlineId: string;
  kind: DeadlineKind;
  status: 'upcoming' | 'overdue';
  dueAt: string;
  /** Whole days until due (negative: days overdue), counted from the report's time. */
  daysLeft: number;
  unit: string;
  district: string | null;
  roundId: string;
  subject: { stream: string; id: string; name: string };
  reminders: { daysBefore: number; at: string; sent: boolean }[];
}

export interface DeadlinesReport {
  asOf: string;
  items: DeadlineReportRow[];
  page: number;
  pageSize: number;
  total: number;
  /** The read model's position when it answered (at or past `minPosition` when one was given). */
  position?: string;
}

/** `all`: every matching row (CSV), else one page. */
export class GetDeadlinesReport {
  constructor(
    readonly filter: DeadlinesReportQueryDto,
    readonly all = false,
  ) {}
}

interface Row {
  deadline_id: string;
  kind: DeadlineKind;
  due_at: number;
  unit: string;
  district: string | null;
  round_id: string;
  stream_id: string;
  subject_id: string;
  subject_name: string;
  reminders: string;
  sent: string | null;
}

/** Upcoming and overdue deadlines (pending: not fired, not cancelled) from the deadlines read model, soonest first. */
@QueryHandler(GetDeadlinesReport)
export class GetDeadlinesReportHandler implements IQueryHandler<GetDeadlinesReport, DeadlinesReport> {
  constructor(
    private readonly readModels: ReadYourWrites,
    private readonly clock: Clock,
    private readonly adminUnits: AdminUnits,
  ) {}

  async execute({ filter, all }: GetDeadlinesReport): Promise<DeadlinesReport> {
    const { tables: t, position } = await this.readModels.tables(deadlinesProjection, filter.minPosition);
    const now = this.clock.now().getTime();
    const where = ["d.state = 'pending'"];
    const params: (string | number)[] = [];
    const when = (condition: string, value: string | number | undefined) => {
      if (value === undefined) return;
      where.push(condition);
      params.push(value);
    };
    when('d.due_at > ?', filter.status === 'upcoming' ? now : undefined);
    when('d.due_at <= ?', filter.status === 'overdue' ? now : undefined);
    when('d.kind = ?', filter.kind);
    if (filter.district !== undefined) {
      // A district's own deadlines, and those of its province's rounds: every district registers needs before the window closes.
      where.push('(d.district = ? OR (d.district IS NULL AND d.province = ?))');
      params.push(filter.district, this.adminUnits.provinceOfDistrict(filter.district) ?? '');
    }
    when('d.round_id = ?', filter.roundId);
    const clause = where.join(' AND ');
    const db = this.readModels.db;
    const total = db
      .prepare(`SELECT COUNT(*) FROM "${t.deadlines}" d WHERE ${clause}`)
      .pluck()
      .get(...params) as number;
    const page = all ? 1 : (filter.page ?? 1);
    const pageSize = all ? Math.max(total, 1) : (filter.pageSize ?? 100);
    const rows = db
      .prepare(
        `SELECT d.deadline_id, d.kind, d.due_at, d.unit, d.district, d.round_id, d.stream_id, d.subject_id, d.subject_name, d.reminders,
           (SELECT group_concat(days_before) FROM "${t.timers}" r WHERE r.deadline_id = d.deadline_id AND r.action = 'remind' AND r.state = 'done') AS sent
         FROM "${t.deadlines}" d WHERE ${clause} ORDER BY d.due_at, d.deadline_id LIMIT ? OFFSET ?`,
      )
      .all(...params, pageSize, (page - 1) * pageSize) as Row[];
    return { asOf: new Date(now).toISOString(), items: rows.map((row) => toReportRow(row, now)), page, pageSize, total, position };
  }
}

function toReportRow(row: Row, now: number): DeadlineReportRow {
  const sent = new Set((row.sent ?? '').split(',').filter(Boolean).map(Number));
  const reminders = JSON.parse(row.reminders) as { daysBefore: number; at: string }[];
  return {
    deadlineId: row.deadline_id,
    kind: row.kind,
    status: row.due_at > now ? 'upcoming' : 'overdue',
    dueAt: new Date(row.due_at).toISOString(),
    daysLeft: Math.floor((row.due_at - now) / DAY_MS),
    unit: row.unit,
    district: row.district,
    roundId: row.round_id,
    subject: { stream: row.stream_id, id: row.subject_id, name: row.subject_name },
    reminders: reminders.map((reminder) => ({ ...reminder, sent: sent.has(reminder.daysBefore) })),
  };
}
