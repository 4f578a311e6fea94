/** A rule of the programme refused the command. `code` is stable: clients and HTTP mapping rely on it. */
export interface DomainError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * What `decide` returns: the events to record, the rule that refused, or a
 * reason to do nothing (a timed command that is no longer current is not an error).
 */
export type Decision<E> =
  { kind: 'accepted'; events: E[] } | { kind: 'rejected'; error: DomainError } | { kind: 'ignored'; reason: string };

export function accept<E>(...events: E[]): Decision<E> {
  return { kind: 'accepted', events };
}

export function reject<E = never>(code: string, message: string, details?: Record<string, unknown>): Decision<E> {
  return { kind: 'rejected', error: { code, message, ...(details ? { details } : {}) } };
}

export function ignore<E = never>(reason: string): Decision<E> {
  return { kind: 'ignored', reason };
}
