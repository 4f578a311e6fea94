import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DelayedError, type Job } from 'bullmq';
import { backoffDelay } from '@app/common';
import { AppConfig } from '@app/config';
import type { Unit } from '@app/pipeline';
import { ReadModels } from '@app/projections';
import { webhooksProjection } from '@app/read-models';
import { signWebhook, webhookSecret, type DeliveryJob } from '@app/scheduling';
import { SCHEDULER_ACTOR } from '../../../api/src/commands/notification-models';
import type { CommandContext, CommandOutcome } from '../../../api/src/commands/stream-commands';
import { RunDeliveryCommand } from '../../../api/src/webhooks/webhook-command.handler';
import { WebhookKey } from '../../../api/src/webhooks/webhook-key';

interface DeliveryTarget {
  unit: Unit;
  payload: string;
  round: number;
  status: string;
  url: string;
  secret_nonce: string;
  webhook_state: string;
}

/** A receiver's answer that is not 2xx: the attempt failed and BullMQ retries it with backoff. */
class ReceiverRefused extends Error {}

/**
 * POSTs one notification to one webhook, signed: `X-Signature-Timestamp` (Unix
 * seconds) and `X-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`.
 * A 2xx is recorded as delivered; the last failed attempt is recorded as failed
 * (dead-lettered, retried only when asked through the API). An outcome that
 * cannot be recorded (the event store is down) puts the job back without using
 * an attempt, so no delivery is left pending with its job failed for good.
 * Delivery is at least once: receivers drop repeats by `X-Delivery-Id`.
 */
@Injectable()
export class WebhookDeliverer {
  constructor(
    private readonly readModels: ReadModels,
    private readonly bus: CommandBus,
    private readonly config: AppConfig,
    private readonly key: WebhookKey,
  ) {}

  async deliver(job: Job<DeliveryJob>, context: CommandContext, token?: string): Promise<string> {
    const { deliveryId, webhookId, round } = job.data;
    const target = this.target(deliveryId);
    if (!target) throw new Error(`delivery ${deliveryId} is not in this process's read model yet`);
    if (target.status !== 'pending' || target.round !== round) return `round ${round} is over (${target.status}, round ${target.round})`;
    if (target.webhook_state !== 'active') return 'the webhook was removed';
    const attempts = job.attemptsMade + 1;
    const record = (outcome: { outcome: 'delivered'; statusCode: number } | { outcome: 'failed'; error: string }) =>
      this.bus.execute<RunDeliveryCommand, CommandOutcome>(
        new RunDeliveryCommand(
          {
            type: 'RecordDeliveryOutcome',
            actor: { ...SCHEDULER_ACTOR },
            deliveryId,
            webhookId,
            unit: target.unit,
            round,
            attempts,
            ...outcome,
          },
          context,
        ),
      );
    let statusCode: number;
    try {
      statusCode = await this.post(target, webhookId, deliveryId);
    } catch (error) {
      // Not the last attempt: BullMQ retries with backoff. The last one is dead-lettered.
      if (attempts < (job.opts.attempts ?? 1)) throw error;
      await this.recordOrPutBack(job, token, () => record({ outcome: 'failed', error: (error as Error).message }));
      throw error;
    }
    await this.recordOrPutBack(job, token, () => record({ outcome: 'delivered', statusCode }));
    return `delivered (HTTP ${statusCode}) after ${attempts} attempt(s)`;
  }

  private async recordOrPutBack(job: Job<DeliveryJob>, token: string | undefined, record: () => Promise<unknown>): Promise<void> {
    try {
      await record();
    } catch (error) {
      if (token === undefined) throw error;
      const { WEBHOOK_BACKOFF_MS: initialMs, WEBHOOK_BACKOFF_MAX_MS: maxMs } = this.config;
      await job.moveToDelayed(Date.now() + backoffDelay(job.attemptsMade + 1, { initialMs, maxMs }), token);
      throw new DelayedError(`outcome not recorded, put back: ${(error as Error).message}`);
    }
  }

  private async post(target: DeliveryTarget, webhookId: string, deliveryId: string): Promise<number> {
    const secret = webhookSecret(this.key.value, webhookId, target.secret_nonce);
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(target.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'commune-pipeline-webhooks/1',
        'x-webhook-id': webhookId,
        'x-delivery-id': deliveryId,
        'x-signature-timestamp': String(timestamp),
        'x-signature': signWebhook(secret, timestamp, target.payload),
      },
      body: target.payload,
    });
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) throw new ReceiverRefused(`the receiver answered HTTP ${response.status}`);
    return response.status;
  }

  private target(deliveryId: string): DeliveryTarget | undefined {
    const t = this.readModels.tables(webhooksProjection);
    return this.readModels.db
      .prepare(
        `SELECT d.unit, d.payload, d.round, d.status, w.url, w.secret_nonce, w.state AS webhook_state
         FROM "${t.deliveries}" d JOIN "${t.webhooks}" w ON w.webhook_id = d.webhook_id WHERE d.delivery_id = ?`,
      )
      .get(deliveryId) as DeliveryTarget | undefined;
  }
}
