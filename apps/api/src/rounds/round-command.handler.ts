import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideRound, type RoundCommand } from '@app/pipeline';
import { StreamCommands, type CommandContext, type CommandOutcome } from '../commands/stream-commands';
import { ROUND_MODEL, roundStream } from '../commands/stream-models';

/** Any command to one recruitment round, as the bus carries it. */
export class RunRoundCommand {
  constructor(
    readonly command: RoundCommand,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RunRoundCommand)
export class RunRoundCommandHandler implements ICommandHandler<RunRoundCommand, CommandOutcome> {
  constructor(private readonly streams: StreamCommands) {}

  execute({ command, context }: RunRoundCommand): Promise<CommandOutcome> {
    return this.streams.execute(roundStream(command.roundId), ROUND_MODEL, (state, now) => decideRound(command, state, now), context);
  }
}
