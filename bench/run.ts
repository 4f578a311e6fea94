import { auditBenchmarks } from './audit.bench';
import { eventStoreBenchmarks } from './event-store.bench';
import { httpBenchmarks } from './http.bench';
import { projectionBenchmarks } from './projections.bench';
import { rateLimitBenchmark } from './rate-limit.bench';
import { report } from './report';
import { timersBenchmarks } from './timers.bench';

/**
 * `npm run bench` prints one JSON line per metric and finishes in a few
 * minutes (most of it generating a 1,000,000-event pipeline history for the
 * read-model rebuild); `npm run bench -- --large` runs the bigger sizes.
 */
async function main(): Promise<void> {
  const large = process.argv.includes('--large');
  const storePath = await eventStoreBenchmarks(
    large
      ? { sequentialAppends: 10_000, concurrentEvents: 200_000, readAllEvents: 1_000_000, rounds: 5 }
      : { sequentialAppends: 3_000, concurrentEvents: 40_000, readAllEvents: 200_000, rounds: 5 },
  );
  await auditBenchmarks(storePath, large ? 10_000 : 2_000);
  await rateLimitBenchmark(large ? 5 : 1);
  await httpBenchmarks(large ? 10 : 3, 2);
  await timersBenchmarks(
    large
      ? { scheduled: 50_000, dueAtOnce: 10_000, lateness: 500, reconcile: 100_000 }
      : { scheduled: 10_000, dueAtOnce: 10_000, lateness: 200, reconcile: 20_000 },
  );
  await projectionBenchmarks({ events: 1_000_000, rounds: large ? 3 : 1 });
  report({ metric: 'process.peakRss', value: Math.round(process.resourceUsage().maxRSS / 1024), unit: 'MiB' });
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
