import type Database from 'better-sqlite3';
import { formatPosition, type EventStore, type Position } from '@app/event-store';
import { GenerationRunner, type RunnerOptions, type RunnerStatus } from './generation-runner';
import { Generations, type Generation } from './generations';
import { lagBehind, logHead, reached, type Lag } from './log-head';
import { tableNames, type ProjectionDefinition } from './projection';

export interface HostOptions extends RunnerOptions {
  /** How often the host looks for switches made by other processes, finished builds and crashed runners. */
  checkIntervalMs?: number;
  /** How long a retired generation's tables stay for queries still reading them. */
  retiredGraceMs?: number;
  log?: (message: string) => void;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  generation?: number;
  /** running | failed | crashed | stopped (this process), or 'remote' when another process runs it. */
  state: RunnerStatus | 'remote' | 'absent';
  position?: string;
  eventsApplied: number;
  lag: Lag;
  error?: string;
  rebuilding?: { generation: number; version: number; position?: string; eventsApplied: number };
}

/**
 * Runs the live generation of every projection, builds a new generation beside
 * it when the projection's version changed (or a rebuild was asked for), and
 * switches over once the new one has caught up with the log: queries never
 * see an empty or half-built read model.
 */
export class ProjectionsHost {
  readonly generations: Generations;
  private readonly runners = new Map<string, GenerationRunner>();
  private readonly listeners = new Set<() => void>();
  private readonly reportedFailures = new Set<string>();
  private timer?: NodeJS.Timeout;
  private checking?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly store: EventStore,
    readonly db: Database.Database,
    readonly definitions: readonly ProjectionDefinition[],
    private readonly options: HostOptions = {},
  ) {
    this.generations = new Generations(db, options.now);
    const names = new Set<string>();
    for (const definition of definitions) {
      if (names.has(definition.name)) throw new Error(`two projections are named "${definition.name}"`);
      names.add(definition.name);
    }
  }

  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.options.checkIntervalMs ?? 1_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.checking;
    await Promise.all([...new Set(this.runners.values())].map((runner) => runner.stop()));
    this.runners.clear();
  }

  /** Called after any local commit: read-your-writes waiters re-check at once instead of at their next poll. */
  onProgress(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  definition(name: string): ProjectionDefinition {
    const found = this.definitions.find((definition) => definition.name === name);
    if (!found) throw new Error(`unknown projection "${name}"; known: ${this.definitions.map((definition) => definition.name).join(', ')}`);
    return found;
  }

  /** Reconciles runners with the generation rows; safe to call any time (runs one at a time). */
  check(): Promise<void> {
    this.checking ??= this.reconcile().finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** Starts a new generation of `name` beside the live one (a rebuild); returns it. */
  rebuild(name: string): Generation {
    const generation = this.generations.create(this.definition(name), 'building');
    void this.check();
    return generation;
  }

  async status(now = Date.now()): Promise<ProjectionStatus[]> {
    // Read models at the same checkpoint (usually all of them) share one read of what lies after it.
    const lags = new Map<string, Promise<Lag>>();
    const lagAt = (position: Position | undefined): Promise<Lag> => {
      const key = position ? formatPosition(position) : '';
      if (!lags.has(key)) lags.set(key, lagBehind(this.store, position, now));
      return lags.get(key)!;
    };
    return Promise.all(
      this.definitions.map(async (definition) => {
        const live = this.generations.live(definition.name);
        const runner = live && this.runners.get(this.key(definition.name, live.generation));
        const building = this.generations.building(definition);
        const runnerStatus = live && runner?.statusOf(definition.name, live.generation);
        const state: ProjectionStatus['state'] = !live ? 'absent' : live.failedAt ? 'failed' : (runnerStatus ?? 'remote');
        return {
          name: definition.name,
          version: definition.version,
          generation: live?.generation,
          state,
          position: live?.position && formatPosition(live.position),
          eventsApplied: live?.eventsApplied ?? 0,
          lag: await lagAt(live?.position),
          error: live?.error ?? (runnerStatus === 'crashed' ? runner!.errorOf(definition.name, live!.generation) : undefined),
          rebuilding: building && {
            generation: building.generation,
            version: building.version,
            position: building.position && formatPosition(building.position),
            eventsApplied: building.eventsApplied,
          },
        };
      }),
    );
  }

  /** True when every named projection's live generation has reached `position`. */
  caughtUpTo(position: Position, names: readonly string[] = this.definitions.map((definition) => definition.name)): boolean {
    return names.every((name) => reached(this.generations.live(name)?.position, position));
  }

  private async reconcile(): Promise<void> {
    if (this.stopped) return;
    const wanted: Generation[] = [];
    const switching: [ProjectionDefinition, Generation][] = [];
    for (const definition of this.definitions) {
      const live = this.generations.liveOrCreate(definition);
      if (live.version > definition.version) {
        // Newer code owns these tables (a rolling deploy): this process must not write them.
        this.options.log?.(
          `${definition.name}: live generation is version ${live.version}, this build has ${definition.version}; not running it`,
        );
        continue;
      }
      wanted.push(live);
      // Live generation made by older code: build one for this version (or join the build another process started).
      const building =
        live.version === definition.version ? this.generations.building(definition) : this.generations.buildingOrCreate(definition);
      if (building) {
        wanted.push(building);
        switching.push([definition, building]);
      }
    }
    this.ensureRunning(wanted);
    for (const [definition, building] of switching) await this.switchWhenCaughtUp(definition, building);
    for (const definition of this.definitions) this.dropRetired(definition);
  }

  /**
   * Starts runners for the generations that have none (or whose runner crashed,
   * or whose failure was cleared). Generations standing at the same checkpoint
   * share one runner, which reads the log once for all of them: at first start
   * and on a rebuild of everything, that is every projection.
   */
  private ensureRunning(generations: readonly Generation[]): void {
    const groups = new Map<string, Generation[]>();
    for (const generation of generations) {
      const key = this.key(generation.name, generation.generation);
      const existing = this.runners.get(key);
      const status = existing?.statusOf(generation.name, generation.generation);
      const retried = status === 'failed' && !generation.failedAt;
      if (existing && status !== 'crashed' && status !== 'stopped' && !retried) continue;
      if (status === 'crashed') this.options.log?.(`${key} restarting after: ${existing!.errorOf(generation.name, generation.generation)}`);
      const at = generation.position ? formatPosition(generation.position) : '';
      groups.set(at, [...(groups.get(at) ?? []), generation]);
    }
    for (const group of groups.values()) {
      const targets = group.map((generation) => ({ definition: this.definition(generation.name), generation: generation.generation }));
      const runner = new GenerationRunner(this.store, this.db, targets, this.options);
      runner.onChange(() => {
        for (const target of targets) {
          const key = GenerationRunner.key(target);
          if (this.runners.get(key) !== runner || runner.statusOf(target.definition.name, target.generation) !== 'failed') continue;
          if (!this.reportedFailures.has(key))
            this.options.log?.(`${key} stopped: ${runner.errorOf(target.definition.name, target.generation)}`);
          this.reportedFailures.add(key);
        }
        for (const listener of [...this.listeners]) listener();
      });
      for (const target of targets) {
        this.runners.set(GenerationRunner.key(target), runner);
        this.reportedFailures.delete(GenerationRunner.key(target));
      }
      runner.start();
    }
  }

  private async switchWhenCaughtUp(definition: ProjectionDefinition, building: Generation): Promise<void> {
    const head = await logHead(this.store);
    const current = this.generations.get(definition.name, building.generation);
    if (!current || !reached(current.position, head)) return;
    // Queries must find the query indexes once they move over: the runner makes them when caught up, maybe not yet.
    const indexes = definition.queryIndexes?.(tableNames(definition, building.generation));
    if (indexes) this.db.transaction(() => this.db.exec(indexes)).immediate();
    // switchTo refuses, under its lock, a build that was dropped or stopped on a dead letter meanwhile.
    if (!this.generations.switchTo(definition.name, building.generation)) return;
    this.options.log?.(`${definition.name}: generation ${building.generation} (version ${building.version}) is live`);
  }

  private dropRetired(definition: ProjectionDefinition): void {
    const grace = this.options.retiredGraceMs ?? 60_000;
    const now = (this.options.now ?? Date.now)();
    for (const generation of this.generations.all(definition.name)) {
      if (generation.state !== 'retired') continue;
      const key = this.key(definition.name, generation.generation);
      const runner = this.runners.get(key);
      if (runner) {
        runner.retire(definition.name, generation.generation);
        this.runners.delete(key);
      }
      if (now - generation.updatedAt.getTime() >= grace) this.generations.drop(definition, generation.generation);
    }
  }

  private key(name: string, generation: number): string {
    return `${name}#${generation}`;
  }
}
