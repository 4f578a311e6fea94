import { SqliteEventStore } from '@app/event-store';
import { benchEvent, rawTable, scratchFile } from './fixtures';
import { median, perSecond, report, round } from './report';

export interface EventStoreBenchSizes {
  sequentialAppends: number;
  concurrentEvents: number;
  readAllEvents: number;
  rounds: number;
}

async function timed(work: () => unknown): Promise<bigint> {
  const start = process.hrtime.bigint();
  await work();
  return process.hrtime.bigint() - start;
}

/**
 * Runs the raw baseline and the port in alternating rounds, so a noisy
 * neighbour slows both sides alike, each on a fresh file; returns the medians in events/s.
 */
async function alternate(
  rounds: number,
  baseline: (table: ReturnType<typeof rawTable>) => number,
  ours: (store: SqliteEventStore) => Promise<number>,
): Promise<{ value: number; baseline: number }> {
  const raw: number[] = [];
  const port: number[] = [];
  for (let index = 0; index < rounds; index += 1) {
    const table = rawTable(scratchFile('raw'));
    let events = 0;
    const rawTime = await timed(() => (events = baseline(table)));
    raw.push(perSecond(events, rawTime));
    table.db.close();
    const store = new SqliteEventStore({ path: scratchFile('port') });
    const portTime = await timed(async () => (events = await ours(store)));
    port.push(perSecond(events, portTime));
    await store.close();
  }
  return { value: median(port), baseline: median(raw) };
}

/** One event per append, one writer, durable; against one raw insert per transaction. */
async function appendSequential(count: number, rounds: number): Promise<void> {
  const { value, baseline } = await alternate(
    rounds,
    (table) => {
      for (let index = 0; index < count; index += 1) table.insert(1, index);
      return count;
    },
    async (store) => {
      for (let index = 0; index < count; index += 1) await store.append(`seq-${index}`, [benchEvent(index)]);
      return count;
    },
  );
  report({
    metric: 'append.sequential',
    value: round(value),
    unit: 'events/s',
    baseline: round(baseline),
    ratio: round(value / baseline, 2),
    target: 'ratio >= 0.7',
    appends: count,
    rounds,
  });
}

/** 64 writers on their own streams; group commit should approach raw 100-row transactions. */
async function appendConcurrent(total: number, rounds: number): Promise<void> {
  const writers = 64;
  const perWriter = Math.ceil(total / writers);
  const { value, baseline } = await alternate(
    rounds,
    (table) => {
      const batches = Math.ceil((writers * perWriter) / 100);
      for (let batch = 0; batch < batches; batch += 1) table.insert(100, batch * 100);
      return batches * 100;
    },
    async (store) => {
      await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          for (let n = 0; n < perWriter; n += 1) {
            await store.append(`writer-${writer}`, [benchEvent(n)], { expectedRevision: n === 0 ? 'no_stream' : n - 1 });
          }
        }),
      );
      return writers * perWriter;
    },
  );
  report({
    metric: 'append.concurrent',
    value: round(value),
    unit: 'events/s',
    baseline: round(baseline),
    baselineIs: 'raw inserts, 100 per transaction',
    ratio: round(value / baseline, 2),
    target: '>= 20000 events/s',
    writers,
    events: writers * perWriter,
    rounds,
  });
}

/** Reads and decodes every event in global order, a page at a time; returns the file for the audit benchmarks. */
async function readAll(count: number): Promise<string> {
  const path = scratchFile('read-all');
  const store = new SqliteEventStore({ path });
  for (let from = 0; from < count; from += 1_000) {
    await store.append(
      `read-${from}`,
      Array.from({ length: Math.min(1_000, count - from) }, (_, index) => benchEvent(from + index)),
    );
  }
  let seen = 0;
  const elapsed = await timed(async () => {
    let from: bigint | undefined;
    for (;;) {
      const page = await store.readAll({ fromPosition: from === undefined ? undefined : { commit: from, prepare: from }, maxCount: 1_000 });
      if (page.length === 0) break;
      seen += page.length;
      from = page[page.length - 1].position.commit + 1n;
    }
  });
  await store.close();
  if (seen !== count) throw new Error(`read.all saw ${seen} of ${count} events`);
  report({ metric: 'read.all', value: round(perSecond(seen, elapsed)), unit: 'events/s', target: '>= 150000 events/s', events: seen });
  return path;
}

/** Returns the read.all store's file, which the audit benchmarks anchor and verify. */
export async function eventStoreBenchmarks(sizes: EventStoreBenchSizes): Promise<string> {
  await appendSequential(sizes.sequentialAppends, sizes.rounds);
  await appendConcurrent(sizes.concurrentEvents, sizes.rounds);
  return readAll(sizes.readAllEvents);
}
