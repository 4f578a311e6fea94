import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { unitOfActor, type Actor, type Unit } from '@app/pipeline';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSecret } from '@app/scheduling';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import type { CommandContext, CommandOutcome } from '../commands/stream-commands';
import { CommandCtx } from '../http/command-context';
import { problem, ProblemException } from '../http/problem';
import { respond } from '../http/respond';
import { GetDelivery, ListDeliveries, ListWebhooks, type DeliveryView } from './list-webhooks.query';
import { RunDeliveryCommand, RunWebhookCommand } from './webhook-command.handler';
import { DeliveryParams, ListDeliveriesQueryDto, RegisterWebhookDto, WebhookParams } from './webhook.dto';
import { WebhookKey } from './webhook-key';

const UNITS = ['province-board', 'district-board', 'political-school', 'home-affairs'] as const;

/** The units a caller sees: its own, or every unit for the province board. */
const scopeOf = (actor: Actor) => (actor.role === 'province-board' ? undefined : unitOfActor(actor));

/**
 * Webhooks per unit: reminders are POSTed to them, signed with a secret shown
 * once, at registration. Deliveries are listed with their outcome; a
 * dead-lettered one can be sent again.
 */
@ApiTags('webhooks')
@ApiBearerAuth()
@AllowRoles(...UNITS)
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: QueryBus,
    private readonly key: WebhookKey,
  ) {}

  @Post()
  @ApiCreatedResponse({ description: 'The webhook, and its signing secret: shown this once, never again' })
  async register(
    @Body() body: RegisterWebhookDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const webhookId = randomUUID();
    const secretNonce = randomBytes(16).toString('base64url');
    const outcome = await this.bus.execute<RunWebhookCommand, CommandOutcome>(
      new RunWebhookCommand(
        { type: 'RegisterWebhook', actor, webhookId, url: body.url, description: body.description ?? '', secretNonce },
        context,
      ),
    );
    respond(reply, outcome, 201);
    return {
      ...outcome,
      webhookId,
      unit: unitOfActor(actor),
      url: new URL(body.url).toString(),
      secret: webhookSecret(this.key.value, webhookId, secretNonce),
      signature: {
        algorithm: 'HMAC-SHA256 over "<timestamp>.<raw body>", hex, prefixed "sha256="',
        headers: { timestamp: TIMESTAMP_HEADER, signature: SIGNATURE_HEADER },
      },
    };
  }

  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.queries.execute(new ListWebhooks(scopeOf(actor)));
  }

  @Delete(':webhookId')
  remove(
    @Param() { webhookId }: WebhookParams,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.bus
      .execute<RunWebhookCommand, CommandOutcome>(new RunWebhookCommand({ type: 'RemoveWebhook', actor, webhookId }, context))
      .then((outcome) => respond(reply, outcome));
  }

  /** `?status=failed` lists the dead letters. */
  @Get('deliveries')
  deliveries(@Query() query: ListDeliveriesQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ListDeliveries(scopeOf(actor), query));
  }

  /** Sends a dead-lettered delivery again: a new round of attempts. */
  @Post('deliveries/:deliveryId/retry')
  async retry(
    @Param() { deliveryId }: DeliveryParams,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const delivery = await this.queries.execute<GetDelivery, DeliveryView | undefined>(new GetDelivery(deliveryId));
    if (!delivery) throw new ProblemException(problem(404, 'DELIVERY_NOT_FOUND', `no delivery ${deliveryId}`));
    const { webhookId, unit } = delivery;
    const outcome = await this.bus.execute<RunDeliveryCommand, CommandOutcome>(
      new RunDeliveryCommand({ type: 'RetryDelivery', actor, deliveryId, webhookId, unit: unit as Unit }, context),
    );
    return respond(reply, outcome);
  }
}
