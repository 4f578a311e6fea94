import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

export const EVENT_STORE_KINDS = ['sqlite', 'eventstoredb'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];

/**
 * Every setting the processes read from the environment, with its default and
 * its rule. Decorators apply bottom-up and only the first failing rule is
 * reported, so the most basic rule of each variable sits lowest.
 */
export class AppConfig {
  @Type(() => Number)
  @Max(65535, { message: 'must be between 1 and 65535' })
  @Min(1, { message: 'must be between 1 and 65535' })
  @IsInt({ message: 'must be an integer' })
  PORT: number = 3000;

  @IsNotEmpty({ message: 'must not be empty' })
  @IsString()
  HOST: string = '0.0.0.0';

  @IsIn(EVENT_STORE_KINDS, { message: `must be one of: ${EVENT_STORE_KINDS.join(', ')}` })
  EVENT_STORE: EventStoreKind = 'sqlite';

  @IsNotEmpty({ message: 'must not be empty' })
  @IsString()
  SQLITE_PATH: string = './data/events.db';

  @ValidateIf((config: AppConfig) => config.EVENT_STORE === 'eventstoredb' || config.EVENTSTORE_CONNECTION_STRING !== undefined)
  @Matches(/^esdb(\+discover)?:\/\/\S+$/, { message: 'must be an esdb:// or esdb+discover:// connection string' })
  @IsNotEmpty({ message: 'is required when EVENT_STORE=eventstoredb' })
  EVENTSTORE_CONNECTION_STRING?: string;

  /**
   * The read models' SQLite file; default: read-models.db beside SQLITE_PATH. Processes sharing
   * it cooperate (each event applied once); a process with its own file keeps its own copy.
   */
  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  READ_MODEL_PATH?: string;

  /**
   * Whether an API process started alone (`npm run start:api`) also feeds the read models. Off by default: the
   * workers do, and the API reads READ_MODEL_PATH; `npm start` (API and worker in one process) always does.
   */
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  API_RUNS_PROJECTIONS: 'true' | 'false' = 'false';

  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  @Type(() => Number)
  @Max(64 * 1024 * 1024, { message: 'must be at most 67108864 bytes (64 MiB)' })
  @Min(1024, { message: 'must be at least 1024 bytes' })
  @IsInt({ message: 'must be an integer' })
  MAX_EVENT_BYTES: number = 2 * 1024 * 1024;

  /** The administrative units catalogue (GSO CSV format); default: the 2019 file shipped in reference-data/. */
  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  ADMIN_UNITS_FILE?: string;

  /** Requests per minute allowed per bearer token (per client address without one). */
  @Type(() => Number)
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be an integer' })
  RATE_LIMIT_PER_MINUTE: number = 6_000;

  /** HS256 signing secret for bearer tokens; when absent, one is generated once and kept in JWT_SECRET_FILE. */
  @ValidateIf((config: AppConfig) => config.JWT_SECRET !== undefined)
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsNotEmpty({ message: 'must not be empty' })
  @IsString()
  JWT_SECRET_FILE: string = './data/jwt-secret';

  @Type(() => Number)
  @Min(0, { message: 'must be zero or more milliseconds' })
  @IsInt({ message: 'must be an integer' })
  SHUTDOWN_TIMEOUT_MS: number = 10_000;

  /** Events per anchored block of the global log (audit anchors). */
  @Type(() => Number)
  @Max(1_000_000, { message: 'must be between 1 and 1000000' })
  @Min(1, { message: 'must be between 1 and 1000000' })
  @IsInt({ message: 'must be an integer' })
  ANCHOR_BLOCK_SIZE: number = 1_000;

  /** How long a partial block waits before it is anchored anyway. */
  @Type(() => Number)
  @Min(100, { message: 'must be at least 100 milliseconds' })
  @IsInt({ message: 'must be an integer' })
  ANCHOR_INTERVAL_MS: number = 60_000;
  // Timers, reminders and webhooks (BullMQ).

  /** Namespaces every BullMQ key and queue of this deployment (tests use one per run). */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1–64 letters, digits, "_" or "-"' })
  QUEUE_PREFIX: string = 'pipeline';

  /** How often the scheduler pushes new deadlines to BullMQ and promotes what the clock says is due. */
  @Type(() => Number)
  @Min(10, { message: 'must be at least 10 milliseconds' })
  @IsInt({ message: 'must be an integer' })
  TIMERS_TICK_MS: number = 1_000;

  /** How often every pending deadline is re-added to BullMQ (idempotent), besides at start and after Redis loses data. */
  @Type(() => Number)
  @Min(1_000, { message: 'must be at least 1000 milliseconds' })
  @IsInt({ message: 'must be an integer' })
  TIMERS_RECONCILE_INTERVAL_MS: number = 600_000;

  /** Timed transitions and webhook deliveries processed in parallel per worker process. */
  @Type(() => Number)
  @Max(256, { message: 'must be between 1 and 256' })
  @Min(1, { message: 'must be between 1 and 256' })
  @IsInt({ message: 'must be an integer' })
  TIMERS_CONCURRENCY: number = 16;

  /** A job whose worker stops renewing its lock for this long (the process died) is run again by another worker. */
  @Type(() => Number)
  @Min(200, { message: 'must be at least 200 milliseconds' })
  @IsInt({ message: 'must be an integer' })
  TIMERS_LOCK_MS: number = 30_000;

  /** Delivery attempts before a webhook delivery is dead-lettered. */
  @Type(() => Number)
  @Max(50, { message: 'must be between 1 and 50' })
  @Min(1, { message: 'must be between 1 and 50' })
  @IsInt({ message: 'must be an integer' })
  WEBHOOK_MAX_ATTEMPTS: number = 8;

  /** First retry delay of a failed delivery; doubled each attempt, with jitter, up to WEBHOOK_BACKOFF_MAX_MS. */
  @Type(() => Number)
  @Min(1, { message: 'must be at least 1 millisecond' })
  @IsInt({ message: 'must be an integer' })
  WEBHOOK_BACKOFF_MS: number = 1_000;

  @Type(() => Number)
  @Min(1, { message: 'must be at least 1 millisecond' })
  @IsInt({ message: 'must be an integer' })
  WEBHOOK_BACKOFF_MAX_MS: number = 3_600_000;

  /** A receiver that has not answered within this is counted as a failed attempt. */
  @Type(() => Number)
  @Min(100, { message: 'must be at least 100 milliseconds' })
  @IsInt({ message: 'must be an integer' })
  WEBHOOK_TIMEOUT_MS: number = 5_000;

  /** Derives each webhook's signing secret; when unset it is derived from the JWT secret. */
  @ValidateIf((config: AppConfig) => config.WEBHOOK_SECRET_KEY !== undefined)
  @MinLength(32, { message: 'must be at least 32 characters' })
  WEBHOOK_SECRET_KEY?: string;
}

/** Variables whose values may hold credentials and are never echoed in errors. */
export const SECRET_VARIABLES: ReadonlySet<keyof AppConfig> = new Set([
  'EVENTSTORE_CONNECTION_STRING',
  'REDIS_URL',
  'JWT_SECRET',
  'WEBHOOK_SECRET_KEY',
]);
