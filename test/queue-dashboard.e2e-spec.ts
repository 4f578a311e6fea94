import { startApi, tokenFor, type RunningApi } from './support/api';
import { dropQueues, uniquePrefix } from './support/timers';

describe('the queue dashboard at /admin/queues', () => {
  let api: RunningApi;
  const prefix = uniquePrefix();
  const province = tokenFor('province-board');
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${api.url}${path}`, { headers, redirect: 'manual' });

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: prefix });
  });
  afterAll(async () => {
    await api.close();
    await dropQueues('redis://127.0.0.1:6379', prefix);
  });

  it('is for the province board only', async () => {
    expect((await get('/admin/queues')).status).toBe(401);
    expect((await get('/admin/queues', { authorization: 'Bearer not-a-token' })).status).toBe(401);
    const district = await get('/admin/queues', { authorization: `Bearer ${tokenFor('district-board', '216')}` });
    expect(district.status).toBe(403);
    expect(await district.json()).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    const page = await get('/admin/queues', { authorization: `Bearer ${province}` });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<base href="/admin/queues');
  });

  it('lists both queues of this deployment', async () => {
    const response = await get('/admin/queues/api/queues', { authorization: `Bearer ${province}` });
    const body = (await response.json()) as { queues: { name: string }[] };
    expect(body.queues.map((queue) => queue.name).sort()).toEqual(['timers', 'webhooks']);
  });

  it('takes the token once from ?token= in a browser, keeping it in an HttpOnly SameSite=Strict cookie', async () => {
    const first = await get(`/admin/queues?token=${province}`);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/admin/queues');
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^queue_dashboard_token=[^;]+; Path=\/admin\/queues; HttpOnly; SameSite=Strict$/);
    const next = await get('/admin/queues/api/queues', { cookie: cookie.split(';')[0] });
    expect(next.status).toBe(200);
    expect((await get(`/admin/queues?token=${tokenFor('auditor')}`)).status).toBe(403);
  });
});
