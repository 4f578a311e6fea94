export type { TrainingClassCommand, TrainingClassCommandOf, TrainingClassCommandType } from './training-class.commands';
export { decideTrainingClass } from './training-class.decide';
export { plannedEndDeadlineId, trainingClassDeadlines } from './training-class.deadlines';
export { TRAINING_CLASS_EVENT_VERSIONS } from './training-class.events';
export type { TrainingClassEvent, TrainingClassEventType, TrainingOutcome, TrainingPart, TrainingResult } from './training-class.events';
export { evolveTrainingClass, initialTrainingClassState } from './training-class.state';
export type { Enrolment, OpenedTrainingClass, TrainingClassFacts, TrainingClassState } from './training-class.state';
