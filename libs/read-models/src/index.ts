export { upcastRecordedEvent } from './upcast-recorded';
import type { ProjectionDefinition } from '@app/projections';
import { deadlinesProjection } from './deadlines';
import { notificationsProjection } from './notifications/notifications.projection';
import { webhooksProjection } from './webhooks';
import { cohortOutcomesProjection } from './cohort-outcomes/cohort-outcomes.projection';
import { needsCoverageProjection } from './needs-coverage/needs-coverage.projection';
import { pipelineBoardProjection } from './pipeline-board/pipeline-board.projection';
import { programmeTargetProjection } from './programme-target/programme-target.projection';
import { stepFunnelProjection } from './step-funnel/step-funnel.projection';

export * from './streams';
export * from './deadlines';
export * from './webhooks';
export { notificationsProjection, type NotificationTable } from './notifications/notifications.projection';
export * from './pipeline-board/pipeline-board.projection';
export * from './pipeline-board/pipeline-board.queries';
export * from './needs-coverage/needs-coverage.projection';
export * from './needs-coverage/needs-coverage.queries';
export * from './cohort-outcomes/cohort-outcomes.projection';
export * from './cohort-outcomes/cohort-outcomes.queries';
export * from './cohort-outcomes/outcome-categories';
export * from './step-funnel/step-funnel.projection';
export * from './step-funnel/step-funnel.queries';
export * from './programme-target/programme-target.projection';
export * from './programme-target/programme-target.queries';
export { vietnameseSortKey } from './shared/vietnamese-sort-key';

/** Every read model the processes keep up to date, in the order the status endpoint lists them. */
export const READ_MODEL_PROJECTIONS: readonly ProjectionDefinition[] = [
  pipelineBoardProjection,
  needsCoverageProjection,
  cohortOutcomesProjection,
  stepFunnelProjection,
  programmeTargetProjection,
  deadlinesProjection,
  notificationsProjection,
  webhooksProjection,
] as readonly ProjectionDefinition<string>[];
