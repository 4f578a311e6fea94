import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { replayUntil } from '@app/projections';
import { boardCandidates, pipelineBoardProjection, READ_MODEL_PROJECTIONS } from '@app/read-models';
import { AdminUnits } from '../apps/api/src/reference/admin-units';
import { appendHistory, HistoryClock, pipelineHistory, type ProvinceUnits } from '../test/fixtures/pipeline-history';
import { scratchFile } from './fixtures';
import { median, report, round } from './report';

export interface ProjectionBenchSizes {
  events: number;
  /** Rebuilds (each after its own read.all of the same file), alternated; medians reported. */
  rounds: number;
}

interface RebuildRun {
  events: number;
  readAllPerSecond: number;
  rebuildPerSecond: number;
  readAllPerCpuSecond: number;
  rebuildPerCpuSecond: number;
  peakRssMiB: number;
}

/** Every province of the catalogue, each running one round a year. */
function provinces(): ProvinceUnits[] {
  const byCode = new Map<string, ProvinceUnits & { communes: { code: string; name: string; districtCode: string }[] }>();
  for (const unit of AdminUnits.fromFile().communes) {
    const province = byCode.get(unit.provinceCode) ?? { code: unit.provinceCode, name: unit.provinceName, communes: [] };
    province.communes.push({ code: unit.code, name: unit.name, districtCode: unit.districtCode });
    byCode.set(unit.provinceCode, province);
  }
  return [...byCode.values()];
}

/** A history of `events` pipeline events, every journey decided by the domain, recorded at its own dates. */
async function historyFile(events: number): Promise<{ path: string; to: Date }> {
  const path = scratchFile('pipeline-history');
  const clock = new HistoryClock();
  const store = new SqliteEventStore({ path, now: clock.now });
  const history = await appendHistory(
    store,
    clock,
    pipelineHistory({ provinces: provinces(), fromYear: 2019, years: 10, seed: 1 }),
    events,
  );
  await store.close();
  return { path, to: history.to! };
}

/** Runs in a process of its own so that the peak RSS is the rebuild's alone; every read model, or only the one named. */
function rebuildInChild(eventsPath: string, only?: string): RebuildRun {
  const args = [join(__dirname, 'projection-rebuild.js'), eventsPath, scratchFile('read-models'), ...(only ? [only] : [])];
  const output = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(output.trim().split('\n').at(-1)!) as RebuildRun;
}

/** The pipeline board as of the moment 90 % of the log had been recorded: replayed into memory, then queried. */
async function boardAsOf(eventsPath: string, events: number): Promise<void> {
  const store = new SqliteEventStore({ path: eventsPath });
  const [at] = await store.readAll({
    fromPosition: { commit: BigInt(Math.floor(events * 0.9)), prepare: BigInt(Math.floor(events * 0.9)) },
    maxCount: 1,
  });
  const started = performance.now();
  const replayed = await replayUntil(store, pipelineBoardProjection, at.recordedAt);
  const board = boardCandidates(replayed.db, replayed.tables, {}, at.recordedAt);
  const elapsed = performance.now() - started;
  replayed.db.close();
  await store.close();
  report({
    metric: 'board.asOf',
    value: round(elapsed),
    unit: 'ms',
    asOf: at.recordedAt.toISOString(),
    eventsReplayed: replayed.events,
    candidates: board.total,
    storeEvents: events,
  });
}

export async function projectionBenchmarks(sizes: ProjectionBenchSizes): Promise<void> {
  const generated = performance.now();
  const { path } = await historyFile(sizes.events);
  const generationSeconds = (performance.now() - generated) / 1000;
  const runs = Array.from({ length: sizes.rounds }, () => rebuildInChild(path));
  const rebuild = median(runs.map((run) => run.rebuildPerSecond));
  const readAll = median(runs.map((run) => run.readAllPerSecond));
  const cpuRebuild = median(runs.map((run) => run.rebuildPerCpuSecond));
  const cpuReadAll = median(runs.map((run) => run.readAllPerCpuSecond));
  report({
    metric: 'projection.rebuild',
    value: round(rebuild),
    unit: 'events/s',
    target: '>= 100000 events/s, peak RSS <= 512 MiB',
    readAll: round(readAll),
    ratio: round(rebuild / readAll, 2),
    perCpuSecond: round(cpuRebuild),
    readAllPerCpuSecond: round(cpuReadAll),
    cpuRatio: round(cpuRebuild / cpuReadAll, 2),
    peakRssMiB: round(Math.max(...runs.map((run) => run.peakRssMiB))),
    events: runs[0].events,
    projections: READ_MODEL_PROJECTIONS.length,
    rounds: sizes.rounds,
    historyGeneratedInSeconds: round(generationSeconds),
  });
  // What `npm run projections -- rebuild <name>` costs (a version bump rebuilds one read model): each alone.
  for (const { name } of READ_MODEL_PROJECTIONS) {
    const run = rebuildInChild(path, name);
    report({
      metric: 'projection.rebuild.one',
      readModel: name,
      value: round(run.rebuildPerSecond),
      unit: 'events/s',
      target: '>= 100000 events/s',
      readAll: round(run.readAllPerSecond),
      ratio: round(run.rebuildPerSecond / run.readAllPerSecond, 2),
      perCpuSecond: round(run.rebuildPerCpuSecond),
      peakRssMiB: round(run.peakRssMiB),
    });
  }
  await boardAsOf(path, runs[0].events);
}
