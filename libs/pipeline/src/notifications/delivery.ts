import type { Actor } from '../shared/actor';
import { accept, ignore, reject, type Decision } from '../shared/decision';
import type { Unit } from './units';
import { notYourUnit } from './webhook';

interface DeliveryRef {
  deliveryId: string;
  webhookId: string;
  unit: Unit;
  /** Each retry asked for starts a new round of attempts. */
  round: number;
}

/** The outcome of one delivery of one notification to one webhook. */
export type DeliveryEvent =
  | { type: 'WebhookDelivered'; data: DeliveryRef & { attempts: number; statusCode: number } }
  | { type: 'WebhookDeliveryFailed'; data: DeliveryRef & { attempts: number; error: string } }
  | { type: 'WebhookDeliveryRetried'; data: DeliveryRef };

export const DELIVERY_EVENT_VERSIONS: Record<DeliveryEvent['type'], number> = {
  WebhookDelivered: 1,
  WebhookDeliveryFailed: 1,
  WebhookDeliveryRetried: 1,
};

export interface DeliveryState {
  round: number;
  outcome?: 'delivered' | 'failed';
  unit?: Unit;
}

export const initialDeliveryState: DeliveryState = { round: 1 };

export type DeliveryCommand =
  | ({ type: 'RecordDeliveryOutcome'; actor: Actor } & DeliveryRef &
      ({ outcome: 'delivered'; attempts: number; statusCode: number } | { outcome: 'failed'; attempts: number; error: string }))
  | ({ type: 'RetryDelivery'; actor: Actor } & Omit<DeliveryRef, 'round'>);

export function evolveDelivery(state: DeliveryState, event: DeliveryEvent): DeliveryState {
  switch (event.type) {
    case 'WebhookDelivered':
      return { round: event.data.round, outcome: 'delivered', unit: event.data.unit };
    case 'WebhookDeliveryFailed':
      return { round: event.data.round, outcome: 'failed', unit: event.data.unit };
    case 'WebhookDeliveryRetried':
      return { round: event.data.round, unit: event.data.unit };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/**
 * Each round has one outcome, recorded once whatever the number of workers
 * that tried; a retry is asked for only after a round failed.
 */
export function decideDelivery(command: DeliveryCommand, state: DeliveryState): Decision<DeliveryEvent> {
  const { deliveryId, webhookId, unit } = command;
  if (command.type === 'RecordDeliveryOutcome') {
    if (command.actor.role !== 'system') return reject('ROLE_NOT_ALLOWED', 'only the delivery worker records outcomes');
    if (command.round !== state.round) return ignore(`round ${command.round} of ${deliveryId} is over; round ${state.round} is current`);
    if (state.outcome) return ignore(`round ${state.round} of ${deliveryId} already ${state.outcome}`);
    const ref = { deliveryId, webhookId, unit, round: command.round };
    return command.outcome === 'delivered'
      ? accept({ type: 'WebhookDelivered', data: { ...ref, attempts: command.attempts, statusCode: command.statusCode } })
      : accept({ type: 'WebhookDeliveryFailed', data: { ...ref, attempts: command.attempts, error: command.error } });
  }
  const refused = notYourUnit(command.actor, state.unit ?? unit);
  if (refused) return refused;
  if (state.outcome !== 'failed') {
    return reject('DELIVERY_NOT_FAILED', `delivery ${deliveryId} has not failed; only a dead-lettered delivery is retried`, {
      outcome: state.outcome ?? 'pending',
    });
  }
  return accept({ type: 'WebhookDeliveryRetried', data: { deliveryId, webhookId, unit: state.unit ?? unit, round: state.round + 1 } });
}
