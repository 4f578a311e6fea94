import { FastifyAdapter } from '@nestjs/platform-fastify';

/**
 * The floor under http.command: Fastify alone (the instance Nest's adapter
 * wraps), one POST route that parses the JSON body and answers it, no Nest,
 * no token, no validation. What this machine serves with nothing on top.
 */
async function main(): Promise<void> {
  const fastify = new FastifyAdapter().getInstance();
  fastify.post('/bench/bare', async (request, reply) => {
    void reply.status(201);
    return { status: 'accepted', roundId: (request.body as { roundId: string }).roundId };
  });
  await fastify.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.stdout.write(`ready ${process.env.PORT}\n`);
  process.once('SIGTERM', () => void fastify.close().then(() => process.exit(0)));
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
