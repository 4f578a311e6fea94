import { eventStoreBenchmarks } from './event-store.bench';
import { httpBenchmarks } from './http.bench';
import { rateLimitBenchmark } from './rate-limit.bench';
import { report } from './report';

/**
 * `npm run bench` prints one JSON line per metric and finishes in well under
 * a minute; `npm run bench -- --large` runs the bigger sizes.
 */
async function main(): Promise<void> {
  const large = process.argv.includes('--large');
  await eventStoreBenchmarks(
    large
      ? { sequentialAppends: 10_000, concurrentEvents: 200_000, readAllEvents: 1_000_000, rounds: 5 }
      : { sequentialAppends: 3_000, concurrentEvents: 40_000, readAllEvents: 200_000, rounds: 5 },
  );
  await rateLimitBenchmark(large ? 5 : 1);
  await httpBenchmarks(large ? 10 : 3, 2);
  report({ metric: 'process.peakRss', value: Math.round(process.resourceUsage().maxRSS / 1024), unit: 'MiB' });
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
