export * from './redis.module';
export * from './redis.health';
export * from './redis.tokens';
