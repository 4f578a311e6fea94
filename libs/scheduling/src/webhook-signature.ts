import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-signature';
export const TIMESTAMP_HEADER = 'x-signature-timestamp';

/**
 * A webhook's signing secret, derived from the server key and the nonce the
 * registration event carries: the log never holds a secret, and the API and
 * every worker compute the same one.
 */
export function webhookSecret(serverKey: string, webhookId: string, nonce: string): string {
  return createHmac('sha256', serverKey).update(`webhook-secret/${webhookId}/${nonce}`).digest('base64url');
}

/** `sha256=<hex>` of HMAC-SHA256(secret, "<timestamp>.<body>"); the timestamp is Unix seconds. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: recompute, compare in constant time, refuse stale timestamps (replays). */
export function verifyWebhook(
  secret: string,
  headers: { signature?: string; timestamp?: string },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
