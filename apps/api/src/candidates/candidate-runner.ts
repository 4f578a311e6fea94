import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { CandidateCommand, CandidateState } from '@app/pipeline';
import type { CommandContext, CommandOutcome } from '../commands/stream-commands';
import { problem, ProblemException } from '../http/problem';
import { respond } from '../http/respond';
import { RunCandidateCommand } from './candidate-command.handler';
import { GetCandidate, type CandidateView } from './get-candidate.query';

/** What the candidate controllers share: dispatching a command, and reading a candidate that must exist. */
@Injectable()
export class CandidateRunner {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  run(
    reply: FastifyReply,
    candidateId: string,
    command: CandidateCommand,
    context: CommandContext,
    extra: Partial<RunCandidateCommand> = {},
    created = 200,
  ) {
    const message = new RunCandidateCommand(candidateId, command, context, extra.roundDefinition);
    return this.bus.execute<RunCandidateCommand, CommandOutcome>(message).then((outcome) => respond(reply, outcome, created));
  }

  async existing(candidateId: string): Promise<CandidateView & { state: Exclude<CandidateState, { status: 'none' }> }> {
    const view = await this.queries.execute<GetCandidate, CandidateView>(new GetCandidate(candidateId));
    if (view.state.status === 'none') throw new ProblemException(problem(404, 'CANDIDATE_NOT_FOUND', `no candidate ${candidateId}`));
    return view as CandidateView & { state: Exclude<CandidateState, { status: 'none' }> };
  }
}
