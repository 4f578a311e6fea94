import type { FastifyReply } from 'fastify';
import type { CommandOutcome } from '../commands/stream-commands';

/** The response of a command: its outcome, and the stream revision as ETag for the next If-Match. */
export function respond(reply: FastifyReply, outcome: CommandOutcome, createdStatus = 200): CommandOutcome {
  void reply.header('etag', `"${outcome.revision}"`);
  void reply.status(outcome.status === 'accepted' && outcome.events.length > 0 ? createdStatus : 200);
  return outcome;
}
