import type Database from 'better-sqlite3';
import { SingleBar } from 'cli-progress';
import { formatPosition, type EventStore } from '@app/event-store';
import {
  checkConsistency,
  Generations,
  ProjectionsHost,
  rebuildProjections,
  type ConsistencyReport,
  type ProjectionDefinition,
  type Upcast,
} from '@app/projections';

export interface CliContext {
  store: EventStore;
  db: Database.Database;
  definitions: readonly ProjectionDefinition[];
  /** The same upcasters the running processes apply, so a rebuild or check sees what they see. */
  upcast: Upcast;
  out: (line: string) => void;
}

/** The projections named on the command line (all when none), or an error naming the known ones. */
export function selected(definitions: readonly ProjectionDefinition[], name?: string): ProjectionDefinition[] {
  if (name === undefined) return [...definitions];
  const found = definitions.find((definition) => definition.name === name);
  if (!found) throw new UsageError(`unknown projection "${name}"; known: ${definitions.map((definition) => definition.name).join(', ')}`);
  return [found];
}

export class UsageError extends Error {}

/** One line per projection: live generation, position, events applied, lag, failure, rebuild in progress. */
export async function status({ store, db, definitions, upcast, out }: CliContext): Promise<number> {
  const host = new ProjectionsHost(store, db, definitions, { upcast });
  for (const projection of await host.status()) {
    const state = projection.state === 'absent' ? 'not built' : projection.state === 'failed' ? 'FAILED' : 'live';
    const lag = `${projection.lag.events}${projection.lag.capped ? '+' : ''} events / ${Math.round(projection.lag.seconds)} s behind`;
    out(
      `${projection.name} v${projection.version}: ${state}` +
        (projection.generation
          ? `, generation ${projection.generation} at ${projection.position ?? '-'}, ${projection.eventsApplied} events, ${lag}`
          : ''),
    );
    if (projection.error) out(`  error: ${projection.error}`);
    if (projection.rebuilding) {
      const { generation, version, position, eventsApplied } = projection.rebuilding;
      out(`  rebuilding: generation ${generation} (v${version}) at ${position ?? '-'}, ${eventsApplied} events`);
    }
  }
  return 0;
}

/** Builds new generations beside the live ones, with a progress bar, and switches to them once caught up. */
export async function rebuild({ store, db, definitions, upcast, out }: CliContext, name?: string): Promise<number> {
  const names = selected(definitions, name).map((definition) => definition.name);
  const bar = new SingleBar({
    format: 'rebuilding |{bar}| {percentage}% | {eventsPerSecond} events/s | ETA {eta_formatted} | {names}',
    etaBuffer: 50,
    noTTYOutput: true,
    notTTYSchedule: 1_000,
    stream: process.stdout,
  });
  const started = Date.now();
  let shown = false;
  const built = await rebuildProjections(store, db, definitions, names, {
    upcast,
    onProgress: (progress) => {
      const head = Number(progress[0]?.head?.commit ?? 0n);
      const behind = progress.reduce((least, entry) => Math.min(least, Number(entry.position?.commit ?? 0n)), head);
      const applied = Math.min(...progress.map((entry) => entry.eventsApplied));
      const eventsPerSecond = Math.round(applied / Math.max((Date.now() - started) / 1000, 0.001));
      if (!shown) bar.start(Math.max(head, 1), behind, { eventsPerSecond, names: names.join(', ') });
      shown = true;
      bar.setTotal(Math.max(head, 1));
      bar.update(behind, { eventsPerSecond });
    },
  }).finally(() => bar.stop());
  for (const generation of built) {
    out(
      `${generation.name}: generation ${generation.generation} (v${generation.version}) is live at ${generation.position ? formatPosition(generation.position) : '-'}, ${generation.eventsApplied} events`,
    );
  }
  out(`rebuilt ${built.length} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

/** Rebuilds each projection into a scratch copy and compares it with the live one; 1 and a readable diff when they differ. */
export async function check({ store, db, definitions, upcast, out }: CliContext, name?: string): Promise<number> {
  let consistent = true;
  for (const definition of selected(definitions, name)) {
    const report = await checkConsistency(store, db, definition, { upcast });
    consistent &&= report.consistent;
    printReport(report, out);
  }
  return consistent ? 0 : 1;
}

function printReport(report: ConsistencyReport, out: (line: string) => void): void {
  if (report.consistent) return out(`${report.name}: consistent at position ${report.position ?? '-'}`);
  out(`${report.name}: INCONSISTENT at position ${report.position ?? '-'}`);
  for (const difference of report.differences) {
    out(
      `  table ${difference.table}: ${difference.onlyLiveCount} row(s) only in the live copy, ${difference.onlyRebuiltCount} only in a fresh build`,
    );
    for (const row of difference.onlyLive) out(`    - live:    ${JSON.stringify(row)}`);
    for (const row of difference.onlyRebuilt) out(`    + rebuilt: ${JSON.stringify(row)}`);
  }
}

/** Clears the dead-letter failure of a projection's generations so their runners try the failed event again. */
export async function retry({ db, definitions, out }: CliContext, name?: string): Promise<number> {
  if (name === undefined) throw new UsageError('retry needs the name of a projection');
  const [definition] = selected(definitions, name);
  const generations = new Generations(db);
  const failed = generations.all(definition.name).filter((generation) => generation.failedAt);
  if (failed.length === 0) {
    out(`${definition.name}: nothing to retry, no generation is stopped on a dead letter`);
    return 1;
  }
  for (const generation of failed) {
    generations.clearFailure(definition.name, generation.generation);
    out(`${definition.name}: generation ${generation.generation} will retry ${generation.error ?? 'the failed event'}`);
  }
  out('running API and worker processes pick it up within a second');
  return 0;
}
