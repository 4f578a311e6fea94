import type { Decision } from './decision';

/**
 * Reads a domain test as the programme states it: given these past events,
 * when this command arrives at this time, then this decision.
 */
export function given<S, E>(initial: S, evolve: (state: S, event: E) => S, events: E[] = []) {
  const state = events.reduce(evolve, initial);
  return {
    state,
    when<C>(decide: (command: C, state: S, now: Date) => Decision<E>, command: C, now: Date): Decision<E> {
      return decide(command, state, now);
    },
  };
}

/** Folds events into state, as a command handler does after loading a stream. */
export function replay<S, E>(initial: S, evolve: (state: S, event: E) => S, events: E[]): S {
  return events.reduce(evolve, initial);
}
