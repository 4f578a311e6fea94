import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@app/config';
import type { Role } from '@app/pipeline';
import type { ApiModuleOptions } from '../../apps/api/src/api.module';
import { createApi } from '../../apps/api/src/create-api';
import { dropQueues, uniquePrefix } from './queues';
import { freePort, tempSqlitePath } from './processes';

export const JWT_SECRET = 'e2e-secret-that-is-long-enough-for-hs256-0123456789';

/**
 * A token for the role; each is unique (jti), so its rate-limit count in the
 * shared Redis is its own even when other test runs sign the same claims in the same second.
 */
export function tokenFor(role: Role, district?: string, secret = JWT_SECRET): string {
  return new JwtService({ secret }).sign(
    { sub: `e2e-${role}${district ? `-${district}` : ''}`, role, ...(district ? { district } : {}), jti: randomUUID() },
    { algorithm: 'HS256' },
  );
}

export interface RunningApi {
  app: NestFastifyApplication;
  url: string;
  sqlitePath: string;
  call: (
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ) => Promise<{ status: number; headers: Headers; body: any }>;
  close: () => Promise<void>;
}

/**
 * The real Nest app on Fastify, over real HTTP, on a fresh SQLite file (or the one given, to test restarts);
 * `options` may run the worker alongside and set the clock.
 */
export async function startApi(
  env: Record<string, string> = {},
  sqlitePath = tempSqlitePath(),
  options: ApiModuleOptions = {},
): Promise<RunningApi> {
  const port = await freePort();
  // Queues under a prefix of this run's own, so shared Redis keys of other runs are never touched.
  const prefix = uniquePrefix();
  const config = loadConfig({ SQLITE_PATH: sqlitePath, PORT: String(port), JWT_SECRET, QUEUE_PREFIX: prefix, ...env });
  // One process stands for the whole system here: it feeds the read models too, as under npm start.
  const app = await createApi(config, { runProjections: true, ...options });
  app.useLogger(false);
  await app.listen(port, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const call: RunningApi['call'] = async (method, path, options = {}) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body };
  };
  const close = async () => {
    await app.close();
    if (config.QUEUE_PREFIX === prefix) await dropQueues(config.REDIS_URL, prefix);
  };
  return { app, url, sqlitePath, call, close };
}
