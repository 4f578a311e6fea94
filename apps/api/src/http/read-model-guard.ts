import { ReadModelNotReadyError } from '@app/projections';
import { problem, ProblemException } from '../http/problem';

/** A read model not built yet (first start, rebuild just begun) is a 503 the caller may retry, not a 500. */
export function readModelOrUnavailable<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ReadModelNotReadyError) {
      throw new ProblemException(
        problem(503, 'READ_MODEL_NOT_READY', `${error.message}; try again shortly`, { readModel: error.projection }),
        {
          'retry-after': '1',
        },
      );
    }
    throw error;
  }
}
