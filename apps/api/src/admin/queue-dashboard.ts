import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PipelineQueues } from '@app/scheduling';
import { actorFromClaims } from '../auth/token-claims';
import { problem } from '../http/problem';

export const DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'queue_dashboard_token';

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * Bull Board on /admin/queues, for the province board only. Its routes are
 * Fastify's own (outside Nest's guards), so this checks the bearer token
 * itself: from the Authorization header, or, for a browser, once from
 * `?token=` — kept then in an HttpOnly, SameSite=Strict cookie scoped to the
 * dashboard's path, and the query stripped by a redirect.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(PipelineQueues);
  const jwt = app.get(JwtService);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({ queues: queues.all().map((queue) => new BullMQAdapter(queue)), serverAdapter });

  const refuse = (reply: FastifyReply, status: 401 | 403, detail: string) =>
    reply
      .status(status)
      .header('content-type', 'application/problem+json')
      .send(problem(status, status === 401 ? 'UNAUTHENTICATED' : 'ROLE_NOT_ALLOWED', detail));

  const authenticate = async (request: FastifyRequest, reply: FastifyReply) => {
    const fromQuery = (request.query as { token?: string } | undefined)?.token;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer ?? fromQuery ?? cookieToken(request.headers.cookie);
    if (!token) return refuse(reply, 401, 'the queue dashboard needs a province-board bearer token');
    let claims: Record<string, unknown>;
    try {
      claims = await jwt.verifyAsync(token, { algorithms: ['HS256'] });
    } catch (error) {
      return refuse(reply, 401, `the bearer token is not valid: ${(error as Error).message}`);
    }
    const actor = actorFromClaims(claims);
    if (typeof actor === 'string') return refuse(reply, 401, actor);
    if (actor.role !== 'province-board') return refuse(reply, 403, `role ${actor.role} may not see the queues; allowed: province-board`);
    if (fromQuery && !bearer) {
      const secure = request.protocol === 'https' ? '; Secure' : '';
      return reply
        .header('set-cookie', `${COOKIE}=${encodeURIComponent(token)}; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict${secure}`)
        .redirect(request.url.replace(/([?&])token=[^&]*&?/, '$1').replace(/[?&]$/, ''), 303);
    }
  };

  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', authenticate);
      await scope.register(serverAdapter.registerPlugin() as never);
    },
    { prefix: DASHBOARD_PATH },
  );
}
