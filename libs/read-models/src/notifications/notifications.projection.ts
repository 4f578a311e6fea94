import type { RecordedEvent } from '@app/event-store';
import type { ProjectionDefinition } from '@app/projections';
import type { ReminderEvent } from '@app/pipeline';
import { REMINDER_PREFIX } from '../streams';

export type NotificationTable = 'notifications';

/** The in-app inbox of each unit: one row per reminder per unit it was addressed to. */
export const notificationsProjection: ProjectionDefinition<NotificationTable> = {
  name: 'notifications',
  version: 1,
  tables: ['notifications'],
  create(db, t) {
    db.exec(`
      CREATE TABLE "${t.notifications}" (
        seq            INTEGER PRIMARY KEY,
        notification_id TEXT NOT NULL UNIQUE,
        unit           TEXT NOT NULL,
        type           TEXT NOT NULL,
        deadline_id    TEXT NOT NULL,
        deadline_kind  TEXT NOT NULL,
        due_at         INTEGER NOT NULL,
        days_before    INTEGER NOT NULL,
        subject_stream TEXT NOT NULL,
        subject_id     TEXT NOT NULL,
        subject_name   TEXT NOT NULL,
        issued_at      INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX "${t.notifications}_by_unit" ON "${t.notifications}" (unit, seq);
    `);
  },
  open(db, t) {
    const insert = db.prepare(
      `INSERT INTO "${t.notifications}" (notification_id, unit, type, deadline_id, deadline_kind, due_at, days_before, subject_stream, subject_id, subject_name, issued_at)
       VALUES (?, ?, 'deadline-reminder', ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (notification_id) DO NOTHING`,
    );
    return {
      apply(event) {
        if (!event.streamId.startsWith(REMINDER_PREFIX) || event.type !== 'DeadlineReminderIssued') return;
        const { data } = event as RecordedEvent<ReminderEvent['data']>;
        for (const unit of data.units) {
          insert.run(
            `${event.id}/${unit}`,
            unit,
            data.deadlineId,
            data.kind,
            Date.parse(data.dueAt),
            data.daysBefore,
            data.subject.streamId,
            data.subject.id,
            data.subject.name,
            event.recordedAt.getTime(),
          );
        }
      },
    };
  },
};
