import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** The first response to an Idempotency-Key, as kept in Redis. */
export interface StoredResponse {
  fingerprint: string;
  status: number;
  etag?: string;
  body: unknown;
}

/**
 * Raised by the idempotency guard for a retry: throwing is the one way a
 * guard can answer in place of the handler, and the filter below sends the
 * stored response as it was.
 */
export class IdempotentReplay extends Error {
  constructor(readonly stored: StoredResponse) {
    super('replaying the first response to this Idempotency-Key');
  }
}

@Catch(IdempotentReplay)
export class IdempotentReplayFilter implements ExceptionFilter {
  catch({ stored }: IdempotentReplay, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply.status(stored.status).header('idempotent-replayed', 'true');
    if (stored.etag) void reply.header('etag', stored.etag);
    void reply.send(stored.body);
  }
}
