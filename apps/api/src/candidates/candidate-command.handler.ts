import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideCandidate, type CandidateCommand, type PipelineDefinition } from '@app/pipeline';
import { StreamCommands, type CommandContext, type CommandOutcome } from '../commands/stream-commands';
import { CANDIDATE_MODEL, candidateStream } from '../commands/stream-models';
import { problem, ProblemException } from '../http/problem';
import { DefinitionsService } from '../reference/definitions.service';

/** A command to one candidate; an application also brings the definition its round runs. */
export class RunCandidateCommand {
  constructor(
    readonly candidateId: string,
    readonly command: CandidateCommand,
    readonly context: CommandContext,
    readonly roundDefinition?: PipelineDefinition,
  ) {}
}

@CommandHandler(RunCandidateCommand)
export class RunCandidateCommandHandler implements ICommandHandler<RunCandidateCommand, CommandOutcome> {
  constructor(
    private readonly streams: StreamCommands,
    private readonly definitions: DefinitionsService,
  ) {}

  execute({ candidateId, command, context, roundDefinition }: RunCandidateCommand): Promise<CommandOutcome> {
    return this.streams.execute(
      candidateStream(candidateId),
      CANDIDATE_MODEL,
      (state, now) => {
        // A running candidate is decided under the exact version it started with.
        const definition =
          state.status === 'none'
            ? roundDefinition
            : this.definitions.get(state.application.definition.id, state.application.definition.version);
        if (!definition) throw new ProblemException(problem(404, 'CANDIDATE_NOT_FOUND', `no candidate ${candidateId}`));
        return decideCandidate(command, state, now, definition);
      },
      context,
    );
  }
}
