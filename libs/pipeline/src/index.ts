export * from './shared';
export * from './reference';
export * from './definition';
export * from './round';
export * from './candidate';
export * from './training-class';
export * from './upcasting';
export * from './notifications';
