import { SqliteEventStore } from '@app/event-store';
import { deliveryStream } from '@app/read-models';
import { verifyWebhook } from '@app/scheduling';
import { freePort } from './support/processes';
import { DAY, eventually, ok, startTimersApi, type TimersApi } from './support/timers';
import { openRound, tokens } from './support/journey';
import { WebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(30_000);

describe('webhooks per unit', () => {
  let api: TimersApi;
  let tanYen: WebhookReceiver;
  let langGiang: WebhookReceiver;
  let tanYenSecret: string;
  const deliveries = async (token: string, status?: string) =>
    (await ok(api.call('GET', `/webhooks/deliveries${status ? `?status=${status}` : ''}`, { token }))).items as any[];

  beforeAll(async () => {
    api = await startTimersApi({ env: { WEBHOOK_MAX_ATTEMPTS: '4', WEBHOOK_BACKOFF_MS: '100' } });
    tanYen = new WebhookReceiver(await freePort());
    langGiang = new WebhookReceiver(await freePort());
  });
  afterAll(async () => {
    await api.stop();
    await Promise.all([tanYen.stop(), langGiang.stop()]);
  });

  it('registers a webhook for the caller’s unit and shows its secret once', async () => {
    const registered = await ok(
      api.call('POST', '/webhooks', {
        token: tokens.tanYen,
        body: { url: tanYen.url, description: 'Hộp thư Ban Tổ chức Huyện ủy Tân Yên' },
      }),
      201,
    );
    expect(registered).toMatchObject({ unit: 'district-216', url: tanYen.url, secret: expect.stringMatching(/^[\w-]{43}$/) });
    tanYenSecret = registered.secret;
    await ok(api.call('POST', '/webhooks', { token: tokens.langGiang, body: { url: langGiang.url } }), 201);

    const listed = await ok(api.call('GET', '/webhooks', { token: tokens.tanYen }));
    expect(listed.items).toEqual([
      expect.objectContaining({ webhookId: registered.webhookId, description: 'Hộp thư Ban Tổ chức Huyện ủy Tân Yên' }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(tanYenSecret);
    expect((await ok(api.call('GET', '/webhooks', { token: tokens.province }))).items).toHaveLength(2);

    const bad = await api.call('POST', '/webhooks', { token: tokens.tanYen, body: { url: 'ftp://tan-yen.example.vn/x' } });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'url' })] } });
    expect((await api.call('POST', '/webhooks', { token: tokens.auditor, body: { url: tanYen.url } })).status).toBe(403);
  });

  it('delivers a reminder once, signed, to a receiver that was down and came back', async () => {
    await api.settle((await openRound(api, 'r-hooks', 20)).position);
    tanYen.status = 200;
    langGiang.status = 500;
    await langGiang.start();
    await api.advance(13 * DAY);

    const [pending] = await eventually(async () => {
      const found = await deliveries(tokens.tanYen);
      return found.length > 0 && found;
    });
    const job = `${pending.deliveryId}--r1`;
    await eventually(async () => ((await api.queues.webhooks.getJob(job))?.attemptsMade ?? 0) >= 2);
    await tanYen.start();

    const [delivered] = await eventually(async () => {
      const found = await deliveries(tokens.tanYen, 'delivered');
      return found.length > 0 && found;
    });
    expect(delivered).toMatchObject({ unit: 'district-216', round: 1, statusCode: 200, attempts: expect.any(Number) });
    expect(delivered.attempts).toBeGreaterThanOrEqual(3);
    expect(tanYen.accepted).toHaveLength(1);
    const [request] = tanYen.accepted;
    expect(request.headers['x-delivery-id']).toBe(pending.deliveryId);
    const signed = { signature: request.headers['x-signature'] as string, timestamp: request.headers['x-signature-timestamp'] as string };
    expect(verifyWebhook(tanYenSecret, signed, request.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifyWebhook(tanYenSecret, signed, request.body.replace('r-hooks', 'r-other'), Math.floor(Date.now() / 1000))).toBe(false);
    expect(JSON.parse(request.body)).toMatchObject({
      deliveryId: pending.deliveryId,
      type: 'deadline.reminder',
      unit: 'district-216',
      reminder: { kind: 'registration-window-close', daysBefore: 7, subject: { id: 'r-hooks', name: 'Đợt tuyển chọn r-hooks' } },
    });
  });

  it('dead-letters a delivery after its last attempt, lists it, and sends it again when asked', async () => {
    const [failed] = await eventually(async () => {
      const found = await deliveries(tokens.langGiang, 'failed');
      return found.length > 0 && found;
    });
    expect(failed).toMatchObject({ unit: 'district-217', attempts: 4, lastError: 'the receiver answered HTTP 500' });
    expect(langGiang.received).toHaveLength(4);
    expect(await deliveries(tokens.tanYen, 'failed')).toEqual([]);
    expect((await ok(api.call('GET', '/health'))).info.queues.webhooks.failed).toBe(1);

    const retry = (token: string, id: string) => api.call('POST', `/webhooks/deliveries/${id}/retry`, { token });
    expect(await retry(tokens.tanYen, failed.deliveryId)).toMatchObject({ status: 403, body: { code: 'NOT_YOUR_UNIT' } });
    const [delivered] = await deliveries(tokens.tanYen, 'delivered');
    expect(await retry(tokens.tanYen, delivered.deliveryId)).toMatchObject({ status: 409, body: { code: 'DELIVERY_NOT_FAILED' } });
    expect((await retry(tokens.langGiang, '0'.repeat(32))).status).toBe(404);

    langGiang.status = 204;
    await ok(retry(tokens.langGiang, failed.deliveryId));
    await eventually(async () => (await deliveries(tokens.langGiang, 'delivered')).length === 1);
    expect((await deliveries(tokens.langGiang, 'delivered'))[0]).toMatchObject({ round: 2, attempts: 1, statusCode: 204 });
    expect(langGiang.accepted).toHaveLength(1);
  });

  it('finishes a delivery in progress before the app stops', async () => {
    const { webhookId } = (await ok(api.call('GET', '/webhooks', { token: tokens.langGiang }))).items[0];
    await ok(api.call('DELETE', `/webhooks/${webhookId}`, { token: tokens.langGiang }));
    tanYen.delayMs = 600;
    await api.advance(6 * DAY);
    const [inFlight] = await eventually(async () => {
      const found = await deliveries(tokens.tanYen, 'pending');
      return found.length > 0 && found;
    });
    await eventually(async () => (await api.queues.webhooks.getJobState(`${inFlight.deliveryId}--r1`)) === 'active');
    const stopped = api.stop();
    await stopped;
    expect(tanYen.accepted).toHaveLength(2);
    const store = new SqliteEventStore({ path: api.sqlitePath });
    try {
      expect((await store.readStream(deliveryStream(inFlight.deliveryId))).map((event) => event.type)).toEqual(['WebhookDelivered']);
    } finally {
      await store.close();
    }
    expect(langGiang.received.filter((request) => JSON.parse(request.body).reminder.daysBefore === 1)).toEqual([]);
  });
});
