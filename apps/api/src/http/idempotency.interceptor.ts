import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { REDIS } from '@app/redis';
import type { Actor } from '@app/pipeline';
import { problem, ProblemException } from './problem';

const KEY = /^[A-Za-z0-9._:-]{8,128}$/;
const IN_FLIGHT_TTL_SECONDS = 60;
export const REPLAY_TTL_SECONDS = 24 * 60 * 60;

interface StoredResponse {
  fingerprint: string;
  status: number;
  etag?: string;
  body: unknown;
}

function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

/**
 * `Idempotency-Key` on a command: the first response is kept in Redis (AOF,
 * so it survives restarts of the API and of Redis) for 24 hours and replayed
 * for a retry with the same body, without running the command again; the same
 * key with another body is refused (422). Keys are scoped to the caller.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const key = request.headers['idempotency-key'];
    if (key === undefined || request.method === 'GET' || !request.actor) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new ProblemException(problem(400, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 8–128 letters, digits or ._:-'));
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return from(this.run(`idempotency:${request.actor.id}:${key}`, fingerprintOf(request), reply, next));
  }

  private async run(redisKey: string, fingerprint: string, reply: FastifyReply, next: CallHandler): Promise<unknown> {
    const claimed = await this.redis.set(redisKey, JSON.stringify({ fingerprint, status: 0 }), 'EX', IN_FLIGHT_TTL_SECONDS, 'NX');
    if (claimed !== 'OK') return this.replay(redisKey, fingerprint, reply);
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const etag = reply.getHeader('etag') as string | undefined;
      const stored: StoredResponse = { fingerprint, status: reply.statusCode, ...(etag ? { etag } : {}), body };
      await this.redis.set(redisKey, JSON.stringify(stored), 'EX', REPLAY_TTL_SECONDS);
      return body;
    } catch (error) {
      // A refusal is not remembered: the caller may fix the cause and retry with the same key.
      await this.redis.del(redisKey);
      throw error;
    }
  }

  private async replay(redisKey: string, fingerprint: string, reply: FastifyReply): Promise<unknown> {
    const stored = JSON.parse((await this.redis.get(redisKey)) ?? 'null') as StoredResponse | null;
    if (!stored)
      throw new ProblemException(
        problem(409, 'IDEMPOTENCY_KEY_IN_USE', 'a request with this Idempotency-Key is still running; retry shortly'),
      );
    if (stored.fingerprint !== fingerprint) {
      throw new ProblemException(
        problem(422, 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request; use a new key'),
      );
    }
    if (stored.status === 0)
      throw new ProblemException(
        problem(409, 'IDEMPOTENCY_KEY_IN_USE', 'a request with this Idempotency-Key is still running; retry shortly'),
      );
    void reply.status(stored.status).header('idempotent-replayed', 'true');
    if (stored.etag) void reply.header('etag', stored.etag);
    return stored.body;
  }
}
