import { auditor, lucNamBoard, province, scheduler, tanYenBoard } from '../candidate/candidate.test-fixtures';
import { given } from '../shared/specification';
import { decideDelivery, evolveDelivery, initialDeliveryState, type DeliveryCommand, type DeliveryEvent } from './delivery';
import { decideWebhook, evolveWebhook, initialWebhookState, type WebhookCommand, type WebhookEvent } from './webhook';

const register: WebhookCommand = {
  type: 'RegisterWebhook',
  actor: tanYenBoard,
  webhookId: 'w-1',
  url: 'https://tan-yen.example.vn/hooks',
  description: '  Hộp thư Tân Yên '.normalize('NFD'),
  secretNonce: 'nonce-1',
};
const registered: WebhookEvent = {
  type: 'WebhookRegistered',
  data: {
    webhookId: 'w-1',
    unit: 'district-216',
    url: 'https://tan-yen.example.vn/hooks',
    description: 'Hộp thư Tân Yên',
    secretNonce: 'nonce-1',
  },
};
const webhook = (events: WebhookEvent[] = []) => given(initialWebhookState, evolveWebhook, events);

describe('a unit’s webhook', () => {
  it('is registered for the unit of whoever registers it, its description in NFC', () => {
    expect(decideWebhook(register, webhook().state)).toEqual({
      kind: 'accepted',
      events: [registered],
    });
  });

  it('must have an http(s) URL without credentials, and a unit', () => {
    for (const url of ['ftp://x.vn/hook', 'https://user:pass@x.vn/hook', 'not a url']) {
      expect(decideWebhook({ ...register, url }, initialWebhookState)).toMatchObject({
        kind: 'rejected',
        error: { code: 'INVALID_FIELD' },
      });
    }
    expect(decideWebhook({ ...register, actor: auditor }, initialWebhookState)).toMatchObject({ error: { code: 'ROLE_NOT_ALLOWED' } });
    expect(decideWebhook(register, webhook([registered]).state)).toMatchObject({ error: { code: 'WEBHOOK_EXISTS' } });
  });

  it('is removed by its own unit or the province board, not by another district', () => {
    const remove = (actor = tanYenBoard): WebhookCommand => ({ type: 'RemoveWebhook', actor, webhookId: 'w-1' });
    const active = webhook([registered]).state;
    expect(decideWebhook(remove(lucNamBoard), active)).toMatchObject({ kind: 'rejected', error: { code: 'NOT_YOUR_UNIT' } });
    expect(decideWebhook(remove(province), active)).toEqual({
      kind: 'accepted',
      events: [{ type: 'WebhookRemoved', data: { webhookId: 'w-1', unit: 'district-216' } }],
    });
    const removed = webhook([registered, { type: 'WebhookRemoved', data: { webhookId: 'w-1', unit: 'district-216' } }]).state;
    expect(decideWebhook(remove(), removed)).toMatchObject({ error: { code: 'WEBHOOK_NOT_FOUND' } });
  });
});

const ref = { deliveryId: 'd-1', webhookId: 'w-1', unit: 'district-216' as const };
const delivered = (round = 1): DeliveryCommand => ({
  type: 'RecordDeliveryOutcome',
  actor: scheduler,
  ...ref,
  round,
  outcome: 'delivered',
  attempts: 3,
  statusCode: 200,
});
const failedEvent: DeliveryEvent = { type: 'WebhookDeliveryFailed', data: { ...ref, round: 1, attempts: 8, error: 'HTTP 500' } };
const delivery = (events: DeliveryEvent[] = []) => given(initialDeliveryState, evolveDelivery, events).state;

describe('a delivery to a webhook', () => {
  it('records one outcome per round, however many workers report it', () => {
    expect(decideDelivery(delivered(), delivery())).toEqual({
      kind: 'accepted',
      events: [{ type: 'WebhookDelivered', data: { ...ref, round: 1, attempts: 3, statusCode: 200 } }],
    });
    const done = delivery([{ type: 'WebhookDelivered', data: { ...ref, round: 1, attempts: 3, statusCode: 200 } }]);
    expect(decideDelivery(delivered(), done)).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('already delivered') });
    expect(decideDelivery(delivered(2), delivery())).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('round 2') });
    expect(decideDelivery({ ...delivered(), actor: tanYenBoard }, delivery())).toMatchObject({ error: { code: 'ROLE_NOT_ALLOWED' } });
  });

  it('is sent again, as a new round, only after a round failed and only by its unit or the province', () => {
    const retry = (actor = tanYenBoard): DeliveryCommand => ({ type: 'RetryDelivery', actor, ...ref });
    expect(decideDelivery(retry(), delivery())).toMatchObject({
      kind: 'rejected',
      error: { code: 'DELIVERY_NOT_FAILED', details: { outcome: 'pending' } },
    });
    expect(decideDelivery(retry(lucNamBoard), delivery([failedEvent]))).toMatchObject({ error: { code: 'NOT_YOUR_UNIT' } });
    expect(decideDelivery(retry(), delivery([failedEvent]))).toEqual({
      kind: 'accepted',
      events: [{ type: 'WebhookDeliveryRetried', data: { ...ref, round: 2 } }],
    });
    const retried = delivery([failedEvent, { type: 'WebhookDeliveryRetried', data: { ...ref, round: 2 } }]);
    expect(retried).toEqual({ round: 2, unit: 'district-216' });
    expect(decideDelivery(delivered(2), retried)).toMatchObject({ kind: 'accepted' });
  });
});
