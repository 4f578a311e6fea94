import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideRound, evolveRound, initialRoundState, ROUND_EVENT_VERSIONS, type RoundCommand, type RoundEvent, type RoundState } from '@app/pipeline';
import { StreamCommands, type CommandContext, type CommandOutcome, type StreamModel } from '../commands/stream-commands';

export const ROUND_MODEL: StreamModel<RoundState, RoundEvent> = { initial: initialRoundState, evolve: evolveRound, versions: ROUND_EVENT_VERSIONS };

export const roundStream = (roundId: string) => `round-${roundId}`;

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
