import { appendingContract } from './appending.contract';
import { concurrencyContract } from './concurrency.contract';
import { crashContract } from './crash.contract';
import { integrityContract } from './integrity.contract';
import { payloadContract } from './payload.contract';
import { readingContract } from './reading.contract';
import { subscriptionContract } from './subscription.contract';
import type { ContractTarget } from './target';

export type { ContractTarget } from './target';

/** The behaviour every event-store adapter must show; each adapter's spec runs it against real storage. */
export function describeEventStoreContract(adapter: string, target: ContractTarget, maxEventBytes: number): void {
  describe(`event store contract: ${adapter}`, () => {
    appendingContract(target);
    readingContract(target);
    concurrencyContract(target);
    subscriptionContract(target);
    payloadContract(target, maxEventBytes);
    integrityContract(target);
    crashContract(target);
  });
}
