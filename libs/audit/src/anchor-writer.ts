import {
  comparePositions,
  ConcurrencyError,
  formatPosition,
  type EventStore,
  type Position,
  type RecordedEvent,
  type Subscription,
} from '@app/event-store';
import { ANCHOR_STREAM, anchorEvent, readAnchor, type Anchor } from './anchor';
import { leafHash, merkleRoot } from './merkle';

export interface AnchorWriterOptions {
  /** Events per full block (ANCHOR_BLOCK_SIZE). */
  blockSize: number;
  /** A partial block is anchored this long after its first event arrived (ANCHOR_INTERVAL_MS). */
  intervalMs: number;
  /** Recorded as the anchor events' actor. */
  writerId?: string;
  now?: () => Date;
  onError?: (error: unknown) => void;
}

/** The last anchor in the store: what the next one chains onto. */
interface Head {
  revision: number;
  anchorHash: string | null;
  coveredTo?: Position;
}

interface Leaf {
  position: Position;
  hash: Buffer;
}

/**
 * Follows the global log and every `blockSize` events (or `intervalMs` after
 * a partial block began) appends an AnchorRecorded event to `audit-anchors`
 * with the block's range, count and Merkle root, chained to the previous
 * anchor. Appends name the anchor stream's exact revision, so two writers
 * cannot anchor the same block twice: the loser adopts the winner's anchor
 * and carries on after it. Anchor events are not part of any block.
 */
export class AnchorWriter {
  private head: Head = { revision: -1, anchorHash: null };
  private pending: Leaf[] = [];
  private subscription?: Subscription;
  private timer?: NodeJS.Timeout;
  private work: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly store: EventStore,
    private readonly options: AnchorWriterOptions,
  ) {
    if (!Number.isSafeInteger(options.blockSize) || options.blockSize < 1) throw new RangeError('blockSize must be an integer ≥ 1');
  }

  /** Reads the last anchor, then follows the log from the end of its block. */
  async start(): Promise<void> {
    this.head = { revision: -1, anchorHash: null };
    this.pending = [];
    const [last] = await this.store.readStream(ANCHOR_STREAM, { direction: 'backwards', maxCount: 1 });
    if (last) this.adopt(this.anchorOf(last));
    const subscription = this.store.subscribeToAll({
      fromCheckpoint: this.head.coveredTo,
      onEvent: (event) => this.serialised(() => this.onEvent(event)),
    });
    this.subscription = subscription;
    subscription.closed.catch((error: unknown) => this.restartAfter(error));
  }

  /** Stops following; an anchor being written is finished first. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.subscription?.stop();
    await this.work;
  }

  /** A failed append or read stops the subscription: report it and start over from the store's last anchor. */
  private restartAfter(error: unknown): void {
    this.options.onError?.(error);
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.stopped) this.start().catch((failure: unknown) => this.restartAfter(failure));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  /** Runs one step at a time: events, the tail timer and conflict handling all touch the same block. */
  private serialised(step: () => Promise<void>): Promise<void> {
    const next = this.work.then(step);
    this.work = next.catch(() => undefined);
    return next;
  }

  private async onEvent(event: RecordedEvent): Promise<void> {
    if (event.streamId === ANCHOR_STREAM) {
      // Another writer's anchor (ours are already known): take it as the new head.
      if (event.revision > this.head.revision) this.adopt(this.anchorOf(event));
      return;
    }
    if (this.head.coveredTo && comparePositions(event.position, this.head.coveredTo) <= 0) return;
    this.pending.push({ position: event.position, hash: leafHash(event) });
    if (this.pending.length === 1) this.armTailTimer();
    if (this.pending.length >= this.options.blockSize) await this.anchorPending();
  }

  private armTailTimer(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.serialised(() => this.anchorPending()).catch((error: unknown) => this.options.onError?.(error));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  private async anchorPending(): Promise<void> {
    while (!this.stopped && this.pending.length > 0) {
      const block = this.pending.slice(0, this.options.blockSize);
      const facts = {
        fromPosition: formatPosition(block[0].position),
        toPosition: formatPosition(block[block.length - 1].position),
        eventCount: block.length,
        merkleRoot: merkleRoot(block.map((leaf) => leaf.hash)),
        previousAnchorHash: this.head.anchorHash,
      };
      const event = anchorEvent(facts, this.options.writerId ?? 'anchor-writer', (this.options.now ?? (() => new Date()))());
      try {
        const expectedRevision = this.head.revision === -1 ? 'no_stream' : this.head.revision;
        const result = await this.store.append(ANCHOR_STREAM, [event], { expectedRevision });
        this.adopt({
          revision: result.nextExpectedRevision,
          anchorHash: event.data.anchorHash,
          coveredTo: block[block.length - 1].position,
        });
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        await this.adoptNewerAnchors();
      }
      // Only a full block is anchored before its time; the tail waits for the timer.
      if (this.pending.length < this.options.blockSize) break;
    }
    if (this.pending.length > 0) this.armTailTimer();
    else clearTimeout(this.timer);
  }

  /** Another writer anchored first: take every anchor it wrote, dropping the events they cover. */
  private async adoptNewerAnchors(): Promise<void> {
    const newer = await this.store.readStream(ANCHOR_STREAM, { fromRevision: this.head.revision + 1 });
    for (const event of newer) this.adopt(this.anchorOf(event));
  }

  private adopt(head: Head): void {
    this.head = head;
    const coveredTo = head.coveredTo;
    if (coveredTo) this.pending = this.pending.filter((leaf) => comparePositions(leaf.position, coveredTo) > 0);
  }

  private anchorOf(event: RecordedEvent): Head {
    const anchor: Anchor | string = readAnchor(event);
    if (typeof anchor === 'string') throw new Error(`cannot chain onto ${ANCHOR_STREAM} revision ${event.revision}: ${anchor}`);
    return { revision: event.revision, anchorHash: anchor.anchorHash, coveredTo: anchor.to };
  }
}
