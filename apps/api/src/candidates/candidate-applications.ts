import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Actor, NeedSnapshot } from '@app/pipeline';
import type { CommandContext, CommandOutcome } from '../commands/stream-commands';
import { problem, ProblemException } from '../http/problem';
import { DefinitionsService } from '../reference/definitions.service';
import { roundWithDefinition } from '../reference/round-definition';
import type { ApplyDto } from './candidate-application.dto';
import { candidateIdFor } from './candidate-id';
import { RunCandidateCommand } from './candidate-command.handler';

/** An application, from HTTP or a CSV row: checked against the round's need as the round holds it now. */
@Injectable()
export class CandidateApplications {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: QueryBus,
    private readonly definitions: DefinitionsService,
  ) {}

  async apply(body: ApplyDto, actor: Actor, context: CommandContext): Promise<CommandOutcome & { candidateId: string }> {
    const { round, definition } = await roundWithDefinition(this.queries, this.definitions, body.roundId);
    const need = round.needs.find((candidate) => candidate.needId === body.needId);
    if (!need) throw new ProblemException(problem(404, 'NEED_NOT_FOUND', `round ${body.roundId} has no need ${body.needId}`));
    const candidateId = candidateIdFor(body.roundId, body.nationalId);
    const { roundId, nationalId: _nationalId, needId: _needId, ...person } = body;
    const snapshot: NeedSnapshot = {
      needId: need.needId,
      roundId,
      commune: need.commune,
      title: need.title,
      acceptedMajors: [...need.acceptedMajors],
      approved: need.status === 'approved',
      definition: round.definition,
    };
    const command = { type: 'ApplyForNeed' as const, actor, candidateId, need: snapshot, ...person };
    const outcome = await this.bus.execute<RunCandidateCommand, CommandOutcome>(
      new RunCandidateCommand(candidateId, command, context, definition),
    );
    return { candidateId, ...outcome };
  }
}
