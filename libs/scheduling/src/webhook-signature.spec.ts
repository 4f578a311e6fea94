import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook, webhookSecret } from './webhook-signature';

const body = JSON.stringify({ type: 'deadline.reminder', subject: { name: 'Nguyễn Thị Hương Giang' } });

describe('webhook signatures', () => {
  it('are HMAC-SHA256 of "<timestamp>.<body>" under the webhook’s secret, in hex', () => {
    const expected = createHmac('sha256', 'secret').update(`1767225600.${body}`).digest('hex');
    expect(signWebhook('secret', 1767225600, body)).toBe(`sha256=${expected}`);
  });

  it('verify for the right secret, body and a fresh timestamp only', () => {
    const signature = signWebhook('secret', 1767225600, body);
    const headers = { signature, timestamp: '1767225600' };
    expect(verifyWebhook('secret', headers, body, 1767225600 + 60)).toBe(true);
    expect(verifyWebhook('other', headers, body, 1767225600)).toBe(false);
    expect(verifyWebhook('secret', headers, body.replace('Giang', 'Hà'), 1767225600)).toBe(false);
    expect(verifyWebhook('secret', headers, body, 1767225600 + 301)).toBe(false);
    expect(verifyWebhook('secret', { timestamp: '1767225600' }, body, 1767225600)).toBe(false);
  });

  it('use a secret derived from the server key and the registration’s nonce: same inputs, same secret', () => {
    expect(webhookSecret('key', 'w-1', 'n')).toBe(webhookSecret('key', 'w-1', 'n'));
    expect(
      new Set([
        webhookSecret('key', 'w-1', 'n'),
        webhookSecret('key', 'w-2', 'n'),
        webhookSecret('key', 'w-1', 'm'),
        webhookSecret('other', 'w-1', 'n'),
      ]).size,
    ).toBe(4);
  });
});
