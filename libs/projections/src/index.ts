export * from './projection';
export { openReadModelDb } from './read-model-db';
export { Generations, type Generation, type GenerationState } from './generations';
export { GenerationRunner, type RunnerOptions, type RunnerStatus, type RunnerTarget } from './generation-runner';
export { ProjectionsHost, type HostOptions, type ProjectionStatus } from './projections-host';
export { checkConsistency, type ConsistencyReport, type TableDifference } from './consistency-check';
export { ReadModels, ReadModelNotReadyError } from './read-models';
export { logHead, lagBehind, reached, type Lag } from './log-head';
export { ProjectionsModule, READ_MODEL_DB, type ProjectionsModuleOptions } from './projections.module';
