import { startApi, tokenFor } from './support/api';

const province = tokenFor('province-board');

describe('the HTTP edge', () => {
  it('publishes OpenAPI at /docs and /docs-json without a token, generated from the DTOs', async () => {
    const api = await startApi();
    try {
      const document = await api.call('GET', '/docs-json');
      expect(document.status).toBe(200);
      expect(document.body.paths['/rounds'].post).toBeDefined();
      expect(document.body.paths['/candidates/{candidateId}/exit']).toBeDefined();
      expect(document.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(document.body.components.schemas.RegisterNeedDto.properties.communeCode.example).toBe('07351');
      const ui = await api.call('GET', '/docs');
      expect(ui.status).toBe(200);
      expect(String(ui.body)).toContain('swagger');
    } finally {
      await api.close();
    }
  });

  it('sends security headers, on refusals and the docs page too', async () => {
    const api = await startApi();
    try {
      const response = await api.call('GET', '/reference/titles', { token: province });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('strict-transport-security')).toBeTruthy();
      for (const other of [
        await api.call('GET', '/reference/titles'),
        await api.call('GET', '/no-such-route'),
        await api.call('GET', '/docs'),
      ]) {
        expect(other.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(other.headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'");
        expect(other.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      }
    } finally {
      await api.close();
    }
  });

  it('limits requests per token (429), counting each token on its own', async () => {
    const api = await startApi({ RATE_LIMIT_PER_MINUTE: '3' });
    // Counts are shared through Redis, so this test's caller has a token of its own.
    const caller = tokenFor('province-board');
    try {
      for (let index = 0; index < 3; index += 1) expect((await api.call('GET', '/reference/titles', { token: caller })).status).toBe(200);
      const limited = await api.call('GET', '/reference/titles', { token: caller });
      expect(limited).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
      expect((await api.call('GET', '/reference/titles', { token: tokenFor('auditor') })).status).toBe(200);
      expect((await api.call('GET', '/health')).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('refuses a body larger than the largest event (413)', async () => {
    const api = await startApi({ MAX_EVENT_BYTES: '4096' });
    try {
      const response = await api.call('POST', '/rounds', { token: province, body: { roundId: 'x', name: 'y'.repeat(10_000) } });
      expect(response).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    } finally {
      await api.close();
    }
  });
});
