export * from './with-timeout';
export * from './process-lifecycle';
