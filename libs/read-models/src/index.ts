export { upcastRecordedEvent } from './upcast-recorded';
import type { ProjectionDefinition } from '@app/projections';
import { deadlinesProjection } from './deadlines';
import { notificationsProjection } from './notifications/notifications.projection';
import { webhooksProjection } from './webhooks';

export * from './streams';
export * from './deadlines';
export * from './webhooks';
export { notificationsProjection, type NotificationTable } from './notifications/notifications.projection';

/** Every read model the processes keep up to date, in the order the status endpoint lists them. */
export const READ_MODEL_PROJECTIONS: readonly ProjectionDefinition[] = [deadlinesProjection, notificationsProjection, webhooksProjection];
