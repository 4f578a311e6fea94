export * from './candidate.commands';
export * from './candidate.events';
export * from './candidate.state';
export { decideCandidate } from './candidate.decide';
export { candidateDeadlines } from './candidate.deadlines';
export { failedEligibilityRules, sameMajor, type EligibilityRule } from './eligibility';
export { stepAfter } from './decide/guards';
export { candidateDistricts, isOutsideDistrictBoard } from './candidate-districts';
export { seatHeld, type Seat } from './candidate-seat';
