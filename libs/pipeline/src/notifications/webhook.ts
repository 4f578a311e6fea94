import type { Actor } from '../shared/actor';
import { accept, reject, type Decision } from '../shared/decision';
import { nfc } from '../shared/text';
import { unitOfActor, type Unit } from './units';

/**
 * A unit's webhook: where its reminders are POSTed. The signing secret is
 * derived from a server key and `secretNonce`, so the log never holds it.
 */
export type WebhookEvent =
  | { type: 'WebhookRegistered'; data: { webhookId: string; unit: Unit; url: string; description: string; secretNonce: string } }
  | { type: 'WebhookRemoved'; data: { webhookId: string; unit: Unit } };

export const WEBHOOK_EVENT_VERSIONS: Record<WebhookEvent['type'], number> = { WebhookRegistered: 1, WebhookRemoved: 1 };

export type WebhookState =
  | { status: 'none' }
  | { status: 'active' | 'removed'; webhookId: string; unit: Unit; url: string; description: string; secretNonce: string };

export const initialWebhookState: WebhookState = { status: 'none' };

export type WebhookCommand =
  | { type: 'RegisterWebhook'; actor: Actor; webhookId: string; url: string; description: string; secretNonce: string }
  | { type: 'RemoveWebhook'; actor: Actor; webhookId: string };

export function evolveWebhook(state: WebhookState, event: WebhookEvent): WebhookState {
  switch (event.type) {
    case 'WebhookRegistered':
      return { status: 'active', ...event.data };
    case 'WebhookRemoved':
      return state.status === 'none' ? state : { ...state, status: 'removed' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** A unit may act only on its own webhooks; the province board on any. */
export function notYourUnit(actor: Actor, unit: string): Decision<never> | undefined {
  if (actor.role === 'province-board' || unitOfActor(actor) === unit) return undefined;
  return reject('NOT_YOUR_UNIT', `this belongs to ${unit}`, { unit });
}

export function decideWebhook(command: WebhookCommand, state: WebhookState): Decision<WebhookEvent> {
  const unit = unitOfActor(command.actor);
  if (!unit) return reject('ROLE_NOT_ALLOWED', `role ${command.actor.role} has no unit to notify`);
  if (command.type === 'RegisterWebhook') {
    if (!isWebUrl(command.url)) return reject('INVALID_FIELD', 'url must be an http(s) URL without credentials', { field: 'url' });
    if (state.status !== 'none') return reject('WEBHOOK_EXISTS', `webhook ${command.webhookId} is already registered`);
    const { webhookId, url, secretNonce } = command;
    return accept({
      type: 'WebhookRegistered',
      data: { webhookId, unit, url: new URL(url).toString(), description: nfc(command.description), secretNonce },
    });
  }
  if (state.status !== 'active') return reject('WEBHOOK_NOT_FOUND', `no webhook ${command.webhookId}`);
  return (
    notYourUnit(command.actor, state.unit) ?? accept({ type: 'WebhookRemoved', data: { webhookId: state.webhookId, unit: state.unit } })
  );
}
