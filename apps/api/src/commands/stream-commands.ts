import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '@app/common';
import { ConcurrencyError, EVENT_STORE, formatPosition, type EventStore, type NewEvent } from '@app/event-store';
import { upcastEvent, type Actor, type Decision } from '@app/pipeline';
import { statusOfDomainError } from '../http/domain-status';
import { problem, ProblemException } from '../http/problem';

/** How a stream's events fold into state. */
export interface StreamModel<S, E extends { type: string; data: unknown }> {
  initial: S;
  evolve: (state: S, event: E) => S;
  versions: Record<string, number>;
}

export interface CommandContext {
  actor: Actor;
  correlationId: string;
  causationId: string;
  /** From If-Match: the revision the caller last saw; a mismatch is 412. */
  expectedRevision?: number;
}

/**
 * What a command answers. `position` is the global position of the newest
 * event the command leaves in its stream (its own append, or for a command
 * that appended nothing the stream's last event): pass it as `minPosition` to
 * read your writes. Only a command on a stream with no events has none.
 */
export type CommandOutcome =
  | { status: 'accepted'; streamId: string; revision: number; position?: string; events: { id: string; type: string }[] }
  | { status: 'ignored'; streamId: string; revision: number; position?: string; reason: string };

const RETRIES_WITHOUT_IF_MATCH = 3;

/**
 * The whole of a command handler's work: load the stream, fold it, decide,
 * append with the revision that was read. Without If-Match a concurrent
 * write is retried against fresh state; with it, the caller is told (412).
 */
@Injectable()
export class StreamCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async load<S, E extends { type: string; data: unknown }>(
    streamId: string,
    model: StreamModel<S, E>,
  ): Promise<{ state: S; revision: number; position?: string }> {
    const recorded = await this.store.readStream(streamId);
    // Stored events come in whatever schema version they were written in; evolve knows only the current ones.
    const state = recorded.reduce((current, event) => model.evolve(current, upcastEvent(event) as unknown as E), model.initial);
    const last = recorded[recorded.length - 1];
    return { state, revision: last ? last.revision : -1, position: last && formatPosition(last.position) };
  }

  async execute<S, E extends { type: string; data: unknown }>(
    streamId: string,
    model: StreamModel<S, E>,
    decide: (state: S, now: Date) => Decision<E>,
    context: CommandContext,
  ): Promise<CommandOutcome> {
    for (let attempt = 0; ; attempt += 1) {
      const { state, revision, position } = await this.load(streamId, model);
      if (context.expectedRevision !== undefined && context.expectedRevision !== revision)
        throw preconditionFailed(context.expectedRevision, revision);
      const now = this.clock.now();
      const decision = decide(state, now);
      if (decision.kind === 'rejected') {
        const { code, message, details } = decision.error;
        throw new ProblemException(problem(statusOfDomainError(code), code, message, details ? { details } : {}));
      }
      if (decision.kind === 'ignored') return { status: 'ignored', streamId, revision, position, reason: decision.reason };
      if (decision.events.length === 0) return { status: 'accepted', streamId, revision, position, events: [] };
      const events = decision.events.map((event) => this.toNewEvent(event, model, context, now));
      try {
        const result = await this.store.append(streamId, events, { expectedRevision: revision === -1 ? 'no_stream' : revision });
        return {
          status: 'accepted',
          streamId,
          revision: result.nextExpectedRevision,
          position: formatPosition(result.position),
          events: events.map(({ id, type }) => ({ id, type })),
        };
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        if (context.expectedRevision !== undefined)
          throw preconditionFailed(context.expectedRevision, error.actual === 'no_stream' ? -1 : error.actual);
        if (attempt >= RETRIES_WITHOUT_IF_MATCH) throw error;
      }
    }
  }

  private toNewEvent<E extends { type: string; data: unknown }>(
    event: E,
    model: { versions: Record<string, number> },
    context: CommandContext,
    now: Date,
  ): NewEvent {
    const { actor } = context;
    return {
      id: randomUUID(),
      type: event.type,
      schemaVersion: model.versions[event.type] ?? 1,
      data: event.data,
      metadata: {
        correlationId: context.correlationId,
        causationId: context.causationId,
        actor: { id: actor.id, role: actor.role, ...(actor.district ? { unit: actor.district } : {}) },
        occurredAt: now.toISOString(),
      },
    };
  }
}

function preconditionFailed(expected: number, actual: number): ProblemException {
  return new ProblemException(
    problem(412, 'REVISION_MISMATCH', `If-Match names revision ${expected} but the record is at revision ${actual}`, {
      expectedRevision: expected,
      currentRevision: actual,
    }),
  );
}
