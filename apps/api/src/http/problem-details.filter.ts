import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConcurrencyError, EventTooLargeError, InvalidAppendError } from '@app/event-store';
import { problem, ProblemException, type Problem } from './problem';

/** Fastify's own errors (body parsing and limits) carry a status and a code. */
function fastifyProblem(error: { statusCode?: number; code?: string; message: string }): Problem | undefined {
  if (!error.statusCode || !error.code?.startsWith('FST_')) return undefined;
  if (error.statusCode === 413) return problem(413, 'PAYLOAD_TOO_LARGE', 'the request body is larger than the server accepts');
  if (error.statusCode === 415) return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json');
  if (error.statusCode === 400) return problem(400, 'MALFORMED_BODY', `the body is not valid JSON: ${error.message}`);
  return undefined;
}

function httpProblem(exception: HttpException): Problem {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const detail = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? exception.message);
  const codes: Record<number, string> = {
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    413: 'PAYLOAD_TOO_LARGE',
    429: 'RATE_LIMITED',
  };
  const text = Array.isArray(detail) ? detail.join('; ') : detail;
  // Nest hands Fastify's body-parser failures on as a plain 400.
  if (status === 400) return problem(400, /JSON/i.test(text) ? 'MALFORMED_BODY' : 'BAD_REQUEST', text);
  return problem(status, codes[status] ?? `HTTP_${status}`, text);
}

/**
 * Every error leaves as application/problem+json naming what was wrong; an
 * unexpected one is logged here and answered without any internal detail.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const document = { ...this.toProblem(exception), instance: request.url };
    if (document.status >= 500 && !(exception instanceof ProblemException))
      this.logger.error(`${request.method} ${request.url}: ${(exception as Error)?.stack ?? String(exception)}`);
    if (exception instanceof ProblemException)
      for (const [name, value] of Object.entries(exception.headers)) void reply.header(name, value);
    void reply.status(document.status).header('content-type', 'application/problem+json; charset=utf-8').send(document);
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof HttpException) return httpProblem(exception);
    if (exception instanceof EventTooLargeError) return problem(413, exception.code, exception.message, { maxBytes: exception.maxBytes });
    if (exception instanceof InvalidAppendError)
      return problem(400, exception.code, exception.message, { errors: [{ field: exception.field, rule: exception.rule }] });
    if (exception instanceof ConcurrencyError) {
      return problem(409, 'CONCURRENT_MODIFICATION', 'the record changed while the command ran; read it again and retry', {
        currentRevision: exception.actual,
      });
    }
    const fromFastify = fastifyProblem(exception as { statusCode?: number; code?: string; message: string });
    return fromFastify ?? problem(500, 'INTERNAL_ERROR', 'an unexpected error occurred; it has been logged');
  }
}
