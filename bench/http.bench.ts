import { JwtService } from '@nestjs/jwt';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
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

/** Runs 32 connections for `seconds` against one route; every request must succeed. */
let counter = 0;

async function load(url: string, path: string, token: string, seconds: number) {
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

/** http.command against a no-op route with the same auth and validation, alternated in the same run. */
export async function httpBenchmarks(seconds: number, rounds: number): Promise<void> {
  const port = await freePort();
  const server = spawn(process.execPath, [join(__dirname, 'http-server.js')], {
    env: { ...process.env, PORT: String(port), SQLITE_PATH: scratchFile('http'), JWT_SECRET: SECRET, RATE_LIMIT_PER_MINUTE: '100000000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/^ready /m.test(output)) resolve();
    });
    server.once('exit', (code) => reject(new Error(`bench server exited (${code}) before it was ready`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const token = new JwtService({ secret: SECRET }).sign({ sub: 'bench', role: 'province-board' }, { algorithm: 'HS256' });
  try {
    const noOp: number[] = [];
    const commands: Awaited<ReturnType<typeof load>>[] = [];
    await load(url, '/bench/no-op', token, 1); // warm-up: JIT, connections
    for (let index = 0; index < rounds; index += 1) {
      noOp.push((await load(url, '/bench/no-op', token, seconds)).perSecond);
      commands.push(await load(url, '/rounds', token, seconds));
    }
    const value = median(commands.map((run) => run.perSecond));
    const baseline = median(noOp);
    report({
      metric: 'http.command',
      value: round(value),
      unit: 'commands/s',
      baseline: round(baseline),
      baselineIs: 'no-op POST with the same token check and DTO validation',
      ratio: round(value / baseline, 2),
      p50Ms: median(commands.map((run) => run.p50)),
      p99Ms: median(commands.map((run) => run.p99)),
      connections: CONNECTIONS,
      target: 'ratio >= 0.5, >= 3000 commands/s, p99 <= 25 ms',
    });
  } finally {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
}
