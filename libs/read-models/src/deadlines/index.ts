export { deadlinesProjection } from './deadlines.projection';
export type { DeadlineTable } from './deadlines.tables';
export { deadlineVersion, fireJobId, reminderJobId } from './timer-ids';
