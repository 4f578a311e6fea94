import { formatPosition, type Actor, type RecordedEvent } from '@app/event-store';

/**
 * One event as an auditor reads it: who, when (in the domain and in the
 * store), why, in which request, and the hash that seals it. Data is shown
 * as stored (its schema version says which shape): the hash covers that.
 */
export interface AuditEventView {
  streamId: string;
  revision: number;
  position: string;
  eventId: string;
  type: string;
  schemaVersion: number;
  actor: Actor;
  occurredAt: string;
  recordedAt: string;
  correlationId: string;
  causationId: string;
  reason?: string;
  data: unknown;
  metadata: RecordedEvent['metadata'];
  hash: string;
  previousHash: string | null;
}

export function auditEventView(event: RecordedEvent): AuditEventView {
  const { metadata } = event;
  const reason = (event.data as { reason?: unknown } | null)?.reason;
  return {
    streamId: event.streamId,
    revision: event.revision,
    position: formatPosition(event.position),
    eventId: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    actor: metadata.actor,
    occurredAt: metadata.occurredAt,
    recordedAt: event.recordedAt.toISOString(),
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    ...(typeof reason === 'string' ? { reason } : {}),
    data: event.data,
    metadata,
    hash: event.hash,
    previousHash: event.previousHash,
  };
}

/** Events as NDJSON lines, produced as the reader pulls them: a whole history is never held in memory. */
export async function* ndjsonLines(events: AsyncIterable<RecordedEvent>): AsyncGenerator<string> {
  for await (const event of events) yield `${JSON.stringify(auditEventView(event))}\n`;
}
