import type { EventStore } from '../../src';

/** How the contract reaches one adapter. */
export interface ContractTarget {
  /** Opens a store on the target's data; called again after a crash to reopen the same data. */
  open(): Promise<EventStore>;
  /** Environment that lets a child process open the same store through createEventStore. */
  childEnv(): Record<string, string>;
  /** Adapter-specific checks after a child was killed, e.g. the file's integrity. */
  afterCrash?(): void | Promise<void>;
}

/** Opens one store for a describe block and closes it after. */
export function useStore(target: ContractTarget): () => EventStore {
  let store: EventStore | undefined;
  beforeAll(async () => {
    store = await target.open();
  });
  afterAll(async () => {
    await store?.close();
  });
  return () => store!;
}
