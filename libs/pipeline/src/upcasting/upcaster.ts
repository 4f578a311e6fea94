/** An event as stored: its type, the schema version it was written in, and its data in that version's shape. */
export interface StoredEvent<Data = unknown> {
  type: string;
  schemaVersion: number;
  data: Data;
}

/** Turns one version's data into the next version's. */
export type UpcastStep = (data: never) => unknown;

/** Per event type, the step from version v to v + 1, keyed by v. */
export type UpcastSteps = Record<string, Record<number, UpcastStep>>;

/** Thrown when a stored event cannot be brought to the current shape (a newer build wrote it, or a step is missing). */
export class UpcastError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpcastError';
  }
}

/** The event is in a version this build does not know yet: a newer build wrote it, and a newer build can read it. */
export class NewerVersionError extends UpcastError {
  constructor(message: string) {
    super(message);
    this.name = 'NewerVersionError';
  }
}

/**
 * Builds `upcastEvent`: any stored version of a known type comes back in its
 * current version, step by step (v1 → v2 → …). Types it does not know (the
 * store's own audit events) pass through. Every step must be there: a gap
 * is refused when the registry is built, not when an old event turns up.
 */
export function createUpcaster(current: Readonly<Record<string, number>>, steps: UpcastSteps): (event: StoredEvent) => StoredEvent {
  for (const [type, version] of Object.entries(current)) {
    for (let from = 1; from < version; from += 1) {
      if (!steps[type]?.[from]) throw new UpcastError(`${type} is at v${version} but has no upcaster from v${from}`);
    }
  }
  return (event) => {
    const target = current[event.type];
    if (target === undefined || event.schemaVersion === target) return event;
    if (event.schemaVersion > target) {
      throw new NewerVersionError(`${event.type} v${event.schemaVersion} was written by a newer build (this one knows v${target})`);
    }
    let data = event.data;
    for (let version = event.schemaVersion; version < target; version += 1) {
      data = steps[event.type][version](data as never);
    }
    return { type: event.type, schemaVersion: target, data };
  };
}
