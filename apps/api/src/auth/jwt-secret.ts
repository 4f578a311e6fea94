import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppConfig } from '@app/config';

/**
 * The token signing secret: JWT_SECRET when set; otherwise a random one made
 * on first start and kept (mode 0600) in JWT_SECRET_FILE, so a fresh machine
 * is secure without setup and the token CLI signs with the same secret.
 */
export function resolveJwtSecret(config: Pick<AppConfig, 'JWT_SECRET' | 'JWT_SECRET_FILE'>): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  const path = config.JWT_SECRET_FILE;
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  // 'wx' fails if another process created it meanwhile; then use theirs.
  try {
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return readFileSync(path, 'utf8').trim();
  }
}
