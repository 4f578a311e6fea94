import { eventHash, type RecordedEvent } from '@app/event-store';
import type { Finding } from './broken-link';

/** Checks each stream's hash chain in one pass, keeping only every stream's last revision and hash. */
export class StreamChains {
  private readonly heads = new Map<string, { revision: number; hash: string }>();

  get streams(): number {
    return this.heads.size;
  }

  check(event: RecordedEvent): Finding {
    const head = this.heads.get(event.streamId);
    const revision = head ? head.revision + 1 : 0;
    if (event.revision !== revision) return { reason: 'revision-gap', detail: `expected revision ${revision}, found ${event.revision}` };
    if (!event.hash) return { reason: 'missing-hash', detail: 'the event has no stored hash' };
    const previous = head?.hash ?? null;
    if (event.previousHash !== previous) {
      return {
        reason: 'previous-hash-mismatch',
        detail: `names previous hash ${event.previousHash}, but revision ${revision - 1} hashes to ${previous}`,
      };
    }
    const { streamId, id, type, schemaVersion, data, metadata, previousHash } = event;
    let recomputed: string;
    try {
      recomputed = eventHash({ streamId, revision, id, type, schemaVersion, data, metadata, previousHash });
    } catch (error) {
      // Content no append could have written (a number like 1e400): it was edited in place.
      return { reason: 'hash-mismatch', detail: `the stored content has no canonical form: ${(error as Error).message}` };
    }
    if (recomputed !== event.hash) {
      return { reason: 'hash-mismatch', detail: `stored hash ${event.hash}, content hashes to ${recomputed}` };
    }
    this.heads.set(streamId, { revision, hash: event.hash });
    return undefined;
  }
}
