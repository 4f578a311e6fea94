import type Database from 'better-sqlite3';
import type { EventStore, Position } from '@app/event-store';
import type { Generation } from './generations';
import { logHead, reached } from './log-head';
import type { ProjectionDefinition } from './projection';
import { ProjectionsHost, type HostOptions } from './projections-host';

export interface RebuildProgress {
  name: string;
  generation: number;
  position?: Position;
  eventsApplied: number;
  head?: Position;
  /** Switched to and caught up: it serves queries now. */
  live: boolean;
}

export interface RebuildOptions extends HostOptions {
  /** Called every `progressEveryMs` while the new generations catch up. */
  onProgress?: (progress: RebuildProgress[]) => void;
  progressEveryMs?: number;
}

/** Joins a build of this version already under way, or starts one; a build stopped on a dead letter is dropped first. */
function startBuilding(host: ProjectionsHost, definition: ProjectionDefinition): Generation {
  const existing = host.generations.building(definition);
  if (existing && !existing.failedAt) return existing;
  if (existing) host.generations.drop(definition, existing.generation);
  return host.generations.create(definition, 'building');
}

/**
 * Rebuilds the named projections: a new generation of each, built from the
 * first event beside the live one (which keeps serving), switched to once it
 * has caught up with the log. Runs a host in this process until every new
 * generation is live; generations at the same checkpoint share one read of
 * the log, so rebuilding all of them reads it once.
 */
export async function rebuildProjections(
  store: EventStore,
  db: Database.Database,
  definitions: readonly ProjectionDefinition[],
  names: readonly string[],
  options: RebuildOptions = {},
): Promise<Generation[]> {
  const host = new ProjectionsHost(store, db, definitions, { checkIntervalMs: 100, ...options });
  const building = names.map((name) => startBuilding(host, host.definition(name)));
  const progress = async (): Promise<RebuildProgress[]> => {
    const head = await logHead(store);
    return building.map(({ name, generation }) => {
      const current = host.generations.get(name, generation);
      if (!current) throw new Error(`generation ${generation} of "${name}" disappeared during the rebuild`);
      if (current.failedAt) throw new Error(`rebuild of "${name}" stopped: ${current.error}`);
      const live = current.state === 'live' && reached(current.position, head);
      return { name, generation, position: current.position, eventsApplied: current.eventsApplied, head, live };
    });
  };
  await host.start();
  try {
    for (;;) {
      const now = await progress();
      options.onProgress?.(now);
      if (now.every((entry) => entry.live)) return building.map(({ name, generation }) => host.generations.get(name, generation)!);
      await new Promise((resolve) => setTimeout(resolve, options.progressEveryMs ?? 200));
    }
  } finally {
    await host.stop();
  }
}
