import { Inject, Injectable } from '@nestjs/common';
import { comparePositions, EVENT_STORE, formatPosition, parsePosition, type EventStore, type Position } from '@app/event-store';
import { logHead, ReadModels, type ProjectionDefinition, type TableNames } from '@app/projections';
import { readModelOrUnavailable } from './read-model-guard';
import { problem, ProblemException } from './problem';

/** How long a query waits for the read model to include a given position before answering 503. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 2_000;

/**
 * Read-your-writes for queries on read models: given the `position` a command
 * answered with, wait (bounded) until the read model reflects it; when it does
 * not in time, 503 READ_MODEL_BEHIND with Retry-After, so the client retries
 * rather than reading a list that lacks its own write. A position the log has
 * not reached is no write of anyone's (every acknowledged append is in the log
 * before its position is answered): 400, or the client would retry for ever.
 */
@Injectable()
export class ReadYourWrites {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The live tables of `definition`, once it reflects `minPosition` (when given). */
  async tables<T extends string>(
    definition: ProjectionDefinition<T>,
    minPosition?: string,
  ): Promise<{ tables: TableNames<T>; position?: string }> {
    if (minPosition !== undefined) {
      const wanted = parsePosition(minPosition);
      if (!(await this.readModels.waitFor(wanted, [definition.name], READ_YOUR_WRITES_TIMEOUT_MS))) {
        // Asked only after the wait: the common case reads nothing from the log, and an EventStoreDB
        // follower that had not yet seen an acknowledged write has had the wait to catch up.
        await this.refuseBeyondLog(wanted, minPosition);
        throw this.behind(definition.name, minPosition);
      }
    }
    const tables = readModelOrUnavailable(() => this.readModels.tables(definition));
    const position = this.readModels.position(definition.name);
    return { tables, position: position && formatPosition(position) };
  }

  /**
   * The live tables of `definition` once it reflects every event the log holds
   * now, and `atLeast` when given: for a command whose check reads a read
   * model (the seats an offer may take), so that no acknowledged write is
   * missed. 503 when it lags too far,
   * or when the live generation was built by an older version of the handler
   * (a rebuild, or a worker not yet upgraded): its rows may mean something else.
   */
  async atHead<T extends string>(definition: ProjectionDefinition<T>, atLeast?: string): Promise<TableNames<T>> {
    const live = this.readModels.liveVersion(definition.name);
    if (live !== undefined && live < definition.version)
      throw new ProblemException(
        problem(
          503,
          'READ_MODEL_BEHIND',
          `the ${definition.name} read model is version ${live}; this check needs version ${definition.version}, which is being built; retry shortly`,
          { readModel: definition.name, liveVersion: live, version: definition.version },
        ),
        { 'retry-after': '5' },
      );
    const head = await logHead(this.store);
    // `atLeast` (a write this process's store may not have seen yet: an EventStoreDB follower) only ever raises the bar.
    const wanted = atLeast !== undefined && (!head || comparePositions(parsePosition(atLeast), head) > 0) ? parsePosition(atLeast) : head;
    if (wanted && !(await this.readModels.waitFor(wanted, [definition.name], READ_YOUR_WRITES_TIMEOUT_MS)))
      throw this.behind(definition.name, formatPosition(wanted));
    return readModelOrUnavailable(() => this.readModels.tables(definition));
  }

  private behind(name: string, minPosition: string): ProblemException {
    const at = this.readModels.position(name);
    return new ProblemException(
      problem(503, 'READ_MODEL_BEHIND', `the ${name} read model has not reached position ${minPosition} yet; retry shortly`, {
        readModel: name,
        position: at && formatPosition(at),
        minPosition,
      }),
      { 'retry-after': '1' },
    );
  }

  private async refuseBeyondLog(wanted: Position, minPosition: string): Promise<void> {
    const head = await logHead(this.store);
    if (head && comparePositions(wanted, head) <= 0) return;
    throw new ProblemException(
      problem(400, 'VALIDATION_FAILED', `minPosition: ${minPosition} is past the end of the log`, {
        errors: [{ field: 'minPosition', rule: 'inLog: a position the log has reached' }],
        head: head && formatPosition(head),
      }),
    );
  }

  get db() {
    return this.readModels.db;
  }
}
