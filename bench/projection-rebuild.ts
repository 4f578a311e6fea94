import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '@app/event-store';
import { openReadModelDb, rebuildProjections } from '@app/projections';
import { READ_MODEL_PROJECTIONS } from '@app/read-models';

/**
 * Run as a process of its own (so its peak RSS is the rebuild's alone): reads
 * the whole events file once (the read.all baseline, same events, same
 * process), then rebuilds every read model from it into a fresh read-model
 * file (or only the read models named in a third, comma-separated argument).
 * Prints one JSON line with both rates and the peak RSS.
 */
async function main(): Promise<void> {
  const [eventsPath, readModelPath, only] = process.argv.slice(2);
  // Optionally a comma-separated subset, to see what each read model costs.
  const definitions = only
    ? READ_MODEL_PROJECTIONS.filter((definition) => only.split(',').includes(definition.name))
    : READ_MODEL_PROJECTIONS;
  const store = new SqliteEventStore({ path: eventsPath });
  let read = 0;
  const readStart = performance.now();
  const readCpu = process.cpuUsage();
  for (let from: bigint | undefined; ;) {
    const page = await store.readAll({ fromPosition: from === undefined ? undefined : { commit: from, prepare: from }, maxCount: 1_000 });
    if (page.length === 0) break;
    read += page.length;
    from = page[page.length - 1].position.commit + 1n;
  }
  const readSeconds = (performance.now() - readStart) / 1000;
  const readCpuSeconds = cpuSeconds(process.cpuUsage(readCpu));
  const db = openReadModelDb(readModelPath);
  const rebuildStart = performance.now();
  const rebuildCpu = process.cpuUsage();
  const names = definitions.map((definition) => definition.name);
  const built = await rebuildProjections(store, db, definitions, names, { progressEveryMs: 50 });
  const rebuildSeconds = (performance.now() - rebuildStart) / 1000;
  const rebuildCpuSeconds = cpuSeconds(process.cpuUsage(rebuildCpu));
  const applied = Math.max(...built.map((generation) => generation.eventsApplied));
  db.close();
  await store.close();
  process.stdout.write(
    `${JSON.stringify({
      events: read,
      readAllPerSecond: read / readSeconds,
      rebuildPerSecond: applied / rebuildSeconds,
      rebuildSeconds,
      // CPU time per phase: steadier than wall time when other processes share the cores.
      readAllPerCpuSecond: read / readCpuSeconds,
      rebuildPerCpuSecond: applied / rebuildCpuSeconds,
      projections: names.length,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
}

function cpuSeconds(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1e6;
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
