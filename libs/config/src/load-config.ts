import { plainToInstance } from 'class-transformer';
import { dirname, join } from 'node:path';
import { validateSync } from 'class-validator';
import { AppConfig, SECRET_VARIABLES } from './app-config';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

const KNOWN = Object.keys(new AppConfig()).concat(
  'EVENTSTORE_CONNECTION_STRING',
  'JWT_SECRET',
  'ADMIN_UNITS_FILE',
  'READ_MODEL_PATH',
  'WEBHOOK_SECRET_KEY',
) as (keyof AppConfig)[];

/** Reads and checks the environment; the error names each bad variable, its rule and (unless secret) its value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const plain: Record<string, string> = {};
  for (const key of KNOWN) {
    const value = env[key];
    // An empty variable means "use the default", as in most shells' `VAR= cmd`.
    if (value !== undefined && value !== '') plain[key] = value;
  }
  const config = plainToInstance(AppConfig, plain);
  const errors = validateSync(config, { forbidUnknownValues: true, stopAtFirstError: true });
  if (errors.length > 0) {
    const problems = errors.map((error) => {
      const rules = [...new Set(Object.values(error.constraints ?? {}))].join('; ');
      const shown = SECRET_VARIABLES.has(error.property as keyof AppConfig) ? '' : ` (got ${JSON.stringify(plain[error.property])})`;
      return `${error.property} ${rules}${shown}`;
    });
    throw new ConfigError(problems);
  }
  config.READ_MODEL_PATH ??= join(dirname(config.SQLITE_PATH), 'read-models.db');
  return config;
}
