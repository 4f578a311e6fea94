import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideDelivery, decideWebhook, type DeliveryCommand, type WebhookCommand } from '@app/pipeline';
import { deliveryStream, webhookStream } from '@app/read-models';
import { DELIVERY_MODEL, WEBHOOK_MODEL } from '../commands/notification-models';
import { StreamCommands, type CommandContext, type CommandOutcome } from '../commands/stream-commands';

/** A command to one webhook's stream (register, remove). */
export class RunWebhookCommand {
  constructor(
    readonly command: WebhookCommand,
    readonly context: CommandContext,
  ) {}
}

/** A command to one delivery's stream (its outcome, a retry). */
export class RunDeliveryCommand {
  constructor(
    readonly command: DeliveryCommand,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RunWebhookCommand)
export class RunWebhookCommandHandler implements ICommandHandler<RunWebhookCommand, CommandOutcome> {
  constructor(private readonly streams: StreamCommands) {}

  execute({ command, context }: RunWebhookCommand): Promise<CommandOutcome> {
    return this.streams.execute(webhookStream(command.webhookId), WEBHOOK_MODEL, (state) => decideWebhook(command, state), context);
  }
}

@CommandHandler(RunDeliveryCommand)
export class RunDeliveryCommandHandler implements ICommandHandler<RunDeliveryCommand, CommandOutcome> {
  constructor(private readonly streams: StreamCommands) {}

  execute({ command, context }: RunDeliveryCommand): Promise<CommandOutcome> {
    return this.streams.execute(deliveryStream(command.deliveryId), DELIVERY_MODEL, (state) => decideDelivery(command, state), context);
  }
}
