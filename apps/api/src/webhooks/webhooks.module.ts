import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { ReadYourWrites } from '../http/read-your-writes';
import { GetDeliveryHandler, ListDeliveriesHandler, ListWebhooksHandler } from './list-webhooks.query';
import { RunDeliveryCommandHandler, RunWebhookCommandHandler } from './webhook-command.handler';
import { WEBHOOK_KEY_PROVIDER } from './webhook-key';
import { WebhooksController } from './webhooks.controller';

@Module({
  imports: [CommandsModule],
  controllers: [WebhooksController],
  providers: [
    WEBHOOK_KEY_PROVIDER,
    ReadYourWrites,
    RunWebhookCommandHandler,
    RunDeliveryCommandHandler,
    ListWebhooksHandler,
    ListDeliveriesHandler,
    GetDeliveryHandler,
  ],
  exports: [WEBHOOK_KEY_PROVIDER],
})
export class WebhooksModule {}
