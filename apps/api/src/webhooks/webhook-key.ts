import { createHmac } from 'node:crypto';
import { AppConfig } from '@app/config';
import { resolveJwtSecret } from '../auth/jwt-secret';

/** Derives each webhook's signing secret (see webhookSecret); injected under this class. */
export class WebhookKey {
  constructor(readonly value: string) {}

  /** WEBHOOK_SECRET_KEY, or a key derived from the JWT secret (changing that secret changes every webhook's secret). */
  static fromConfig(config: AppConfig): WebhookKey {
    if (config.WEBHOOK_SECRET_KEY) return new WebhookKey(config.WEBHOOK_SECRET_KEY);
    return new WebhookKey(createHmac('sha256', resolveJwtSecret(config)).update('webhook-secret-key').digest('base64url'));
  }
}

export const WEBHOOK_KEY_PROVIDER = { provide: WebhookKey, inject: [AppConfig], useFactory: WebhookKey.fromConfig };
