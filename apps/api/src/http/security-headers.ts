import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import { FastifyAdapter } from '@nestjs/platform-fastify';

/** Swagger UI at /docs needs inline styles and its own scripts; nothing else is served as HTML. */
export const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], scriptSrc: ["'self'"] },
  },
};

async function probeHeaders(withHelmet: boolean): Promise<Record<string, unknown>> {
  const probe = new FastifyAdapter().getInstance();
  if (withHelmet) await probe.register(helmet, HELMET_OPTIONS);
  probe.get('/', (_request, reply) => reply.send(''));
  const response = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  return response.headers;
}

/**
 * The headers @fastify/helmet sets with our options, found once at start by
 * asking it on a throwaway Fastify instance. They are the same for every
 * response (no CSP nonces), and @fastify/helmet rebuilds helmet's whole
 * middleware on every request (measured: ~6% of a no-op POST).
 */
export async function securityHeaders(): Promise<Record<string, string>> {
  const [plain, secured] = await Promise.all([probeHeaders(false), probeHeaders(true)]);
  return Object.fromEntries(
    Object.entries(secured)
      .filter(([name, value]) => name !== 'date' && plain[name] !== value)
      .map(([name, value]) => [name, String(value)]),
  );
}
