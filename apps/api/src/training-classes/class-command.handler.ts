import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideTrainingClass, type TrainingClassCommand } from '@app/pipeline';
import { StreamCommands, type CommandContext, type CommandOutcome } from '../commands/stream-commands';
import { CLASS_MODEL, classStream } from '../commands/stream-models';

export class RunClassCommand {
  constructor(
    readonly command: TrainingClassCommand,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RunClassCommand)
export class RunClassCommandHandler implements ICommandHandler<RunClassCommand, CommandOutcome> {
  constructor(private readonly streams: StreamCommands) {}

  execute({ command, context }: RunClassCommand): Promise<CommandOutcome> {
    return this.streams.execute(
      classStream(command.classId),
      CLASS_MODEL,
      (state, now) => decideTrainingClass(command, state, now),
      context,
    );
  }
}
