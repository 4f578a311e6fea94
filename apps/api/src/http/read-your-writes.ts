import { Injectable } from '@nestjs/common';
import { formatPosition, parsePosition } from '@app/event-store';
import { ReadModelNotReadyError, ReadModels, type ProjectionDefinition, type TableNames } from '@app/projections';
import { problem, ProblemException } from './problem';

/** How long a query waits for the read model to include a given position before answering 503. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 2_000;

/**
 * Read-your-writes for queries on read models: given the `position` a command
 * answered with, wait (bounded) until the read model reflects it; when it does
 * not in time, 503 READ_MODEL_BEHIND with Retry-After, so the client retries
 * rather than reading a list that lacks its own write.
 */
@Injectable()
export class ReadYourWrites {
  constructor(private readonly readModels: ReadModels) {}

  /** The live tables of `definition`, once it reflects `minPosition` (when given). */
  async tables<T extends string>(
    definition: ProjectionDefinition<T>,
    minPosition?: string,
  ): Promise<{ tables: TableNames<T>; position?: string }> {
    if (minPosition !== undefined) {
      const reached = await this.readModels.waitFor(parsePosition(minPosition), [definition.name], READ_YOUR_WRITES_TIMEOUT_MS);
      if (!reached) {
        const at = this.readModels.position(definition.name);
        throw new ProblemException(
          problem(
            503,
            'READ_MODEL_BEHIND',
            `the ${definition.name} read model has not reached position ${minPosition} yet; retry shortly`,
            {
              readModel: definition.name,
              position: at && formatPosition(at),
              minPosition,
            },
          ),
          { 'retry-after': '1' },
        );
      }
    }
    try {
      const tables = this.readModels.tables(definition);
      const position = this.readModels.position(definition.name);
      return { tables, position: position && formatPosition(position) };
    } catch (error) {
      if (!(error instanceof ReadModelNotReadyError)) throw error;
      throw new ProblemException(problem(503, 'READ_MODEL_NOT_READY', error.message, { readModel: definition.name }), {
        'retry-after': '1',
      });
    }
  }

  get db() {
    return this.readModels.db;
  }
}
