import { JwtService } from '@nestjs/jwt';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { scratchFile } from './fixtures';
import { median, report, round } from './report';

const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const CONNECTIONS = 32;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a bench server (compiled, beside this file) in its own process and waits for its `ready` line. */
async function startServer(script: string, env: Record<string, string>): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(__dirname, script)], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/^ready /m.test(output)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready`)));
  });
  return { url: `http://127.0.0.1:${port}`, process: child };
}

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
}

let counter = 0;

/** Runs 32 connections for `seconds` against one route; every request must succeed. */
async function load(url: string, path: string, token: string, seconds: number): Promise<Run> {
  const opensAt = new Date(Date.now() - 86_400_000).toISOString();
  const closesAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        // A new round each time: one fresh stream per command, as many boards opening rounds would.
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            roundId: `bench-${process.pid}-${(counter += 1)}`,
            name: 'Đợt đo hiệu năng',
            provinceCode: '24',
            registrationOpensAt: opensAt,
            registrationClosesAt: closesAt,
          }),
        }),
      },
    ],
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0)
    throw new Error(
      `${path}: ${failed} of ${result.requests.total} requests failed (status codes: ${JSON.stringify(result.statusCodeStats)})`,
    );
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const medianOf = (runs: Run[], field: keyof Run) => median(runs.map((run) => run[field]));

/**
 * http.command against a no-op route with the same auth, rate limit and
 * validation, and bare Fastify on this machine (the floor), alternated in the
 * same run so noise hits each alike.
 */
export async function httpBenchmarks(seconds: number, rounds: number): Promise<void> {
  const api = await startServer('http-server.js', {
    SQLITE_PATH: scratchFile('http'),
    JWT_SECRET: SECRET,
    // High enough never to refuse the bench, so every request still pays for its count in Redis.
    RATE_LIMIT_PER_MINUTE: '100000000',
  });
  const bare = await startServer('bare-fastify-server.js', {});
  const token = new JwtService({ secret: SECRET }).sign({ sub: `bench-${process.pid}`, role: 'province-board' }, { algorithm: 'HS256' });
  const targets = {
    noOp: [api.url, '/bench/no-op'],
    commands: [api.url, '/rounds'],
    bare: [bare.url, '/bench/bare'],
  } as const;
  const runs: Record<keyof typeof targets, Run[]> = { noOp: [], commands: [], bare: [] };
  try {
    for (const [url, path] of Object.values(targets)) await load(url, path, token, 1); // warm-up: JIT, connections
    for (let index = 0; index < rounds; index += 1) {
      for (const [name, [url, path]] of Object.entries(targets))
        runs[name as keyof typeof targets].push(await load(url, path, token, seconds));
    }
  } finally {
    api.process.kill('SIGTERM');
    bare.process.kill('SIGTERM');
    await Promise.all([once(api.process, 'exit'), once(bare.process, 'exit')]);
  }
  const value = medianOf(runs.commands, 'perSecond');
  const baseline = medianOf(runs.noOp, 'perSecond');
  report({
    metric: 'http.command',
    value: round(value),
    unit: 'commands/s',
    baseline: round(baseline),
    baselineIs: 'no-op POST with the same token check, rate limit and DTO validation',
    ratio: round(value / baseline, 2),
    p50Ms: medianOf(runs.commands, 'p50'),
    p99Ms: medianOf(runs.commands, 'p99'),
    connections: CONNECTIONS,
    target: 'ratio >= 0.5, >= 3000 commands/s, p99 <= 25 ms',
  });
  report({
    metric: 'http.bareFastify',
    value: round(medianOf(runs.bare, 'perSecond')),
    unit: 'requests/s',
    is: 'reference: one JSON POST route on Fastify alone (no Nest, token, validation or store), same machine and client',
    p50Ms: medianOf(runs.bare, 'p50'),
    p99Ms: medianOf(runs.bare, 'p99'),
  });
}
