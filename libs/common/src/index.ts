export * from './with-timeout';
export * from './process-lifecycle';
export * from './clock';
export * from './project-root';
