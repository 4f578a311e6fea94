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
}

/** Variables whose values may hold credentials and are never echoed in errors. */
export const SECRET_VARIABLES: ReadonlySet<keyof AppConfig> = new Set(['EVENTSTORE_CONNECTION_STRING', 'REDIS_URL', 'JWT_SECRET']);
