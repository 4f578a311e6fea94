import { Module } from '@nestjs/common';
import { CandidatesModule } from '../../../api/src/candidates/candidates.module';
import { CommandsModule } from '../../../api/src/commands/commands.module';
import { ReferenceModule } from '../../../api/src/reference/reference.module';
import { WebhooksModule } from '../../../api/src/webhooks/webhooks.module';
import { WebhookDeliverer } from '../webhooks/webhook-deliverer';
import { ReminderIssuer } from './reminder-issuer';
import { TimedTransitions } from './timed-transitions';
import { TimersRunner } from './timers-runner';

/**
 * Timed transitions, reminders and webhook deliveries. The command handlers
 * come from the API's modules (CandidatesModule brings rounds and classes; WebhooksModule deliveries),
 * so a timer's command takes exactly the path an HTTP command takes.
 */
@Module({
  imports: [CommandsModule, ReferenceModule, CandidatesModule, WebhooksModule],
  providers: [TimedTransitions, ReminderIssuer, WebhookDeliverer, TimersRunner],
  exports: [TimersRunner],
})
export class TimersModule {}
