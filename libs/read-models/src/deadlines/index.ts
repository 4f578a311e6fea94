export { deadlinesProjection } from './deadlines.projection';
export { pendingTimersIndex, type DeadlineTable } from './deadlines.tables';
export { deadlineVersion, fireJobId, reminderJobId } from './timer-ids';
