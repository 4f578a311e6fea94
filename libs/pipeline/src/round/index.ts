export * from './ranking';
export * from './round.commands';
export * from './round.deadlines';
export * from './round.decide';
export * from './round.events';
export * from './round.state';
