import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '../src';

export function metadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { id: 'user-1', role: 'province-board', unit: '24' },
    occurredAt: '2026-03-01T08:00:00.000Z',
    ...overrides,
  };
}

export function newEvent<D>(type: string, data: D, overrides: Partial<NewEvent<D>> = {}): NewEvent<D> {
  return { id: randomUUID(), type, schemaVersion: 1, data, metadata: metadata(), ...overrides };
}

export function numbered(count: number, type = 'Numbered', from = 0): NewEvent<{ n: number }>[] {
  return Array.from({ length: count }, (_, index) => newEvent(type, { n: from + index }));
}

/** A stream name no other test run uses, so suites can share one EventStoreDB server. */
export function uniqueStream(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** Awaits a rejection and checks both its class and the fields it carries. */
export async function rejection<E extends Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
  fields: Partial<Record<keyof E, unknown>> = {},
): Promise<E> {
  const error = await promise.then(
    () => {
      throw new Error(`expected a ${type.name} but the call succeeded`);
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(type);
  expect(error).toMatchObject(fields);
  return error as E;
}
