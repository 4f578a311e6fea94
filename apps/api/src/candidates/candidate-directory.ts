import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  comparePositions,
  EVENT_STORE,
  parsePosition,
  type EventStore,
  type Position,
  type RecordedEvent,
  type Subscription,
} from '@app/event-store';
import { evolveCandidate, initialCandidateState, upcastEvent, type CandidateEvent, type CandidateState } from '@app/pipeline';

export interface CandidateSummary {
  candidateId: string;
  fullName: string;
  roundId: string;
  districtCode: string;
  communeCode: string;
  communeName: string;
  title: string;
  step: string;
  status: CandidateState['status'];
  revision: number;
}

const PREFIX = 'candidate-';

function summarise(candidateId: string, state: CandidateState, revision: number): CandidateSummary | undefined {
  if (state.status === 'none') return undefined;
  const { application } = state;
  const step = state.status === 'active' ? state.step.id : state.status === 'exited' ? state.stepId : 'completed';
  return {
    candidateId,
    fullName: application.fullName,
    roundId: application.roundId,
    districtCode: application.commune.districtCode,
    communeCode: application.commune.code,
    communeName: application.commune.name,
    title: application.title,
    step,
    status: state.status,
    revision,
  };
}

/**
 * An in-memory list of candidates kept by a subscription to the store (not
 * the in-process bus), for filtered listing. It is rebuilt from the log at
 * each start; the checkpointed SQLite read models of the projections replace it.
 */
@Injectable()
export class CandidateDirectory implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CandidateDirectory');
  private readonly states = new Map<string, CandidateState>();
  private readonly summaries = new Map<string, CandidateSummary>();
  private subscription?: Subscription;
  private position?: Position;
  private readonly waiters = new Set<() => void>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  onApplicationBootstrap(): void {
    this.subscription = this.store.subscribeToAll({ onEvent: (event) => this.apply(event) });
    this.subscription.closed.catch((error: unknown) => this.logger.error(`stopped: ${(error as Error).message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  list(filter: Partial<Pick<CandidateSummary, 'roundId' | 'districtCode' | 'communeCode' | 'step' | 'status'>>): CandidateSummary[] {
    const wanted = Object.entries(filter).filter(([, value]) => value !== undefined) as [keyof CandidateSummary, string][];
    return [...this.summaries.values()]
      .filter((summary) => wanted.every(([field, value]) => summary[field] === value))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi') || a.candidateId.localeCompare(b.candidateId));
  }

  /** Waits (bounded) until the list includes the event at `position`, for read-your-writes. */
  async caughtUpTo(position: string, timeoutMs = 2_000): Promise<boolean> {
    const target = parsePosition(position);
    const reached = () => this.position !== undefined && comparePositions(this.position, target) >= 0;
    const deadline = Date.now() + timeoutMs;
    while (!reached() && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return reached();
  }

  private apply(event: RecordedEvent): void {
    if (event.streamId.startsWith(PREFIX)) {
      const candidateId = event.streamId.slice(PREFIX.length);
      const state = evolveCandidate(this.states.get(candidateId) ?? initialCandidateState, upcastEvent(event) as CandidateEvent);
      this.states.set(candidateId, state);
      const summary = summarise(candidateId, state, event.revision);
      if (summary) this.summaries.set(candidateId, summary);
    }
    this.position = event.position;
    for (const wake of [...this.waiters]) wake();
    this.waiters.clear();
  }
}
