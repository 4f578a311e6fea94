import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@app/pipeline';
import type { CommandContext } from '../commands/stream-commands';
import { problem, ProblemException } from './problem';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** "5", W/"5" or 5: the stream revision the caller last saw. Absent means "whatever is current". */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(-?\d+)"?\s*$/.exec(header);
  if (!match) throw new ProblemException(problem(400, 'INVALID_IF_MATCH', 'If-Match must carry the ETag of a previous response, e.g. "3"'));
  return Number(match[1]);
}

/** The request id correlates everything a request causes; a caller's X-Request-Id is kept if it is sane. */
export function requestIdOf(headers: Record<string, string | string[] | undefined>): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Actor, correlation and causation ids, and If-Match, for the command a request carries. */
export const CommandCtx = createParamDecorator((_data: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor: Actor; id: string }>();
  const correlationId = request.id;
  return {
    actor: request.actor,
    correlationId,
    // The command this request carries is what caused the events; it is named by the request.
    causationId: `http:${correlationId}`,
    expectedRevision: parseIfMatch(request.headers['if-match']),
  };
});
