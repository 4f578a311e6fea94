import type Database from 'better-sqlite3';
import { formatPosition, type EventStore } from '@app/event-store';
import { GenerationRunner, type RunnerOptions } from './generation-runner';
import { Generations } from './generations';
import { tableNames, type ProjectionDefinition } from './projection';

export interface TableDifference {
  table: string;
  /** Rows in the live table that a fresh build does not have, and the reverse (at most `sample` of each). */
  onlyLive: unknown[];
  onlyRebuilt: unknown[];
  onlyLiveCount: number;
  onlyRebuiltCount: number;
}

export interface ConsistencyReport {
  name: string;
  consistent: boolean;
  /** The position both copies were compared at. */
  position?: string;
  differences: TableDifference[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rebuilds a projection into a scratch generation from the first event and
 * compares it with the live generation at the same checkpoint, table by table.
 * The scratch copy is dropped afterwards. The live runner keeps going meanwhile;
 * the comparison waits for a moment when both stand at the same position.
 */
export async function checkConsistency(
  store: EventStore,
  db: Database.Database,
  definition: ProjectionDefinition,
  options: RunnerOptions & { sample?: number; timeoutMs?: number } = {},
): Promise<ConsistencyReport> {
  const generations = new Generations(db, options.now);
  const live = generations.live(definition.name);
  if (!live) throw new Error(`projection "${definition.name}" has no live generation to check`);
  // Feeding tables another version's code made with this handler would corrupt them (the host refuses it too).
  if (live.version !== definition.version) {
    throw new Error(
      `projection "${definition.name}": the live generation is version ${live.version}, this build has ${definition.version}`,
    );
  }
  const scratch = generations.create(definition, 'scratch');
  // Also feed the live generation here (exactly once, whoever else feeds it) so both reach the head even with no worker running;
  // one runner for both, so that once the scratch copy has caught up they commit together.
  const runner = new GenerationRunner(
    store,
    db,
    [
      { definition, generation: scratch.generation },
      { definition, generation: live.generation },
    ],
    options,
  );
  try {
    runner.start();
    const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
    for (;;) {
      for (const [which, generation] of [
        ['scratch build', scratch.generation],
        ['live generation', live.generation],
      ] as const) {
        const status = runner.statusOf(definition.name, generation);
        if (status === 'failed' || status === 'crashed')
          throw new Error(`${which} stopped: ${runner.errorOf(definition.name, generation)}`);
      }
      const compared = compareAtSamePosition(db, generations, definition, live.generation, scratch.generation, options.sample ?? 5);
      if (compared) return compared;
      if (Date.now() > deadline) throw new Error('the live projection and the scratch copy never stood at the same position');
      await sleep(10);
    }
  } finally {
    await runner.stop();
    generations.drop(definition, scratch.generation);
  }
}

function compareAtSamePosition(
  db: Database.Database,
  generations: Generations,
  definition: ProjectionDefinition,
  liveGeneration: number,
  scratchGeneration: number,
  sample: number,
): ConsistencyReport | undefined {
  // One read transaction: both copies and both checkpoints from the same snapshot.
  return db.transaction(() => {
    const live = generations.get(definition.name, liveGeneration);
    const scratch = generations.get(definition.name, scratchGeneration);
    if (!live || !scratch) throw new Error(`generation of "${definition.name}" disappeared during the check`);
    const same =
      live.position === undefined
        ? scratch.position === undefined
        : scratch.position !== undefined && formatPosition(live.position) === formatPosition(scratch.position);
    if (!same) return undefined;
    const liveTables = tableNames(definition, liveGeneration);
    const scratchTables = tableNames(definition, scratchGeneration);
    const differences = definition.tables.flatMap((table): TableDifference[] => {
      const a = liveTables[table];
      const b = scratchTables[table];
      const count = (from: string, minus: string) =>
        (db.prepare(`SELECT COUNT(*) AS n FROM (SELECT * FROM "${from}" EXCEPT SELECT * FROM "${minus}")`).get() as { n: number }).n;
      const rows = (from: string, minus: string) =>
        db.prepare(`SELECT * FROM "${from}" EXCEPT SELECT * FROM "${minus}" LIMIT ?`).all(sample);
      const onlyLiveCount = count(a, b);
      const onlyRebuiltCount = count(b, a);
      if (onlyLiveCount === 0 && onlyRebuiltCount === 0) return [];
      return [{ table, onlyLive: rows(a, b), onlyRebuilt: rows(b, a), onlyLiveCount, onlyRebuiltCount }];
    });
    return {
      name: definition.name,
      consistent: differences.length === 0,
      position: live.position && formatPosition(live.position),
      differences,
    };
  })();
}
