import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notificationsProjection } from '@app/read-models';
import { OptionalCount, OptionalMinPosition } from '../http/query-rules';
import { ReadYourWrites } from '../http/read-your-writes';

export class ListNotificationsQueryDto {
  @OptionalCount(50, 50, 500) limit?: number;
  /** Only notifications older than this one: the `next` of the previous page. */
  @OptionalCount(120) before?: number;
  @OptionalMinPosition() minPosition?: string;
}

export class ListNotifications {
  constructor(
    readonly unit: string,
    readonly filter: ListNotificationsQueryDto,
  ) {}
}

export interface NotificationView {
  seq: number;
  id: string;
  type: 'deadline-reminder';
  deadline: { id: string; kind: string; dueAt: string };
  daysBefore: number;
  subject: { stream: string; id: string; name: string };
  issuedAt: string;
}

export interface NotificationPage {
  unit: string;
  items: NotificationView[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next?: number;
  /** The read model's position when it answered (at or past `minPosition` when one was given). */
  position?: string;
}

interface Row {
  seq: number;
  notification_id: string;
  deadline_id: string;
  deadline_kind: string;
  due_at: number;
  days_before: number;
  subject_stream: string;
  subject_id: string;
  subject_name: string;
  issued_at: number;
}

/** A unit's inbox, newest first. */
@QueryHandler(ListNotifications)
export class ListNotificationsHandler implements IQueryHandler<ListNotifications, NotificationPage> {
  constructor(private readonly readModels: ReadYourWrites) {}

  async execute({ unit, filter }: ListNotifications): Promise<NotificationPage> {
    const { tables: t, position } = await this.readModels.tables(notificationsProjection, filter.minPosition);
    const limit = filter.limit ?? 50;
    const rows = this.readModels.db
      .prepare(`SELECT * FROM "${t.notifications}" WHERE unit = ? AND seq < ? ORDER BY seq DESC LIMIT ?`)
      .all(unit, filter.before ?? Number.MAX_SAFE_INTEGER, limit + 1) as Row[];
    const items = rows.slice(0, limit).map((row): NotificationView => ({
      seq: row.seq,
      id: row.notification_id,
      type: 'deadline-reminder',
      deadline: { id: row.deadline_id, kind: row.deadline_kind, dueAt: new Date(row.due_at).toISOString() },
      daysBefore: row.days_before,
      subject: { stream: row.subject_stream, id: row.subject_id, name: row.subject_name },
      issuedAt: new Date(row.issued_at).toISOString(),
    }));
    return { unit, items, ...(rows.length > limit ? { next: items[items.length - 1].seq } : {}), position };
  }
}
