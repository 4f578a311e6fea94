export * from './with-timeout';
export * from './process-lifecycle';
export * from './clock';
export * from './manual-clock';
export * from './clock.module';
export * from './project-root';
export * from './backoff';
export * from './turn-of-event-loop';
