import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { IdentityModule, TokenService } from '@kooperant/identity';
import { insertUser } from '@kooperant/identity/testing';
import { JobName, QueueName, QueueRegistry, jobId } from '@kooperant/platform-queue';
import {
  createTestApp,
  freePort,
  waitFor,
  loopbackSmtp,
  testQueueModule,
  TEST_REDIS_URL,
  type TestApp,
} from '@kooperant/platform-testing';

const ROOT = join(__dirname, '../../../..');
const JWT_SECRET = 'test-secret-test-secret-test-secret-0123'; // createTestApp's, so the test signs tokens alike

/**
 * The queue dashboard (Bull Board) of the real gateway process, over the real worker's queues on Redis: only
 * platform administrators get in, by Bearer header or session cookie; a notification e-mail that failed for real
 * (SMTP server down) is listed with its reason and, retried through the dashboard's API once the server is up, sent.
 */
describe('queue dashboard', () => {
  let app: TestApp;
  const { module: queueModule, prefix } = testQueueModule();
  const children: ChildProcess[] = [];
  let base: string;
  let smtpPort: number;
  let adminToken: string;
  let userToken: string;
  let adminUserId: string;

  function start(script: string, env: Record<string, string>): ChildProcess {
    const child = spawn(process.execPath, [join(ROOT, script)], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: app.config.databaseUrl,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: prefix,
        JWT_SECRET,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    return child;
  }

  beforeAll(async () => {
    app = await createTestApp([queueModule, IdentityModule]);
    adminUserId = await insertUser(app.db, { platformAdmin: true });
    adminToken = await app.get(TokenService).signAccessToken(adminUserId);
    userToken = await app.get(TokenService).signAccessToken(await insertUser(app.db));
    const port = await freePort();
    smtpPort = await freePort(); // nothing listens there until the test starts its SMTP server
    base = `http://127.0.0.1:${port}`;
    start('dist/apps/gateway/src/main.js', { PORT: String(port) });
    start('dist/apps/worker/src/main.js', { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort) });
    await waitFor(
      'the gateway',
      () =>
        fetch(`${base}/health/ready`).then(
          (r) => r.ok,
          () => false,
        ),
      { ms: 30_000 },
    );
  }, 60_000);

  afterAll(async () => {
    for (const c of children) {
      if (c.exitCode !== null) continue;
      const kill = setTimeout(() => c.kill('SIGKILL'), 10_000);
      c.kill('SIGTERM');
      await new Promise((r) => c.once('exit', r));
      clearTimeout(kill);
    }
    const queues = app.get(QueueRegistry);
    for (const q of Object.values(QueueName)) await queues.queue(q).obliterate({ force: true });
    await app?.close();
  });

  const api = (path: string, init: RequestInit = {}) => fetch(`${base}/admin/queues/api${path}`, init);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('lists every queue to a platform administrator', async () => {
    const res = await api('/queues', { headers: bearer(adminToken) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(Object.values(QueueName).sort());
  });

  it('refuses anonymous callers (401) and other users (403), page and API alike, as JSON with a code', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      const anonymous = await fetch(`${base}${path}`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      const user = await fetch(`${base}${path}`, { headers: bearer(userToken) });
      expect(user.status).toBe(403);
      expect(await user.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      const forged = await fetch(`${base}${path}`, { headers: bearer(`${adminToken.slice(0, -4)}AAAA`) });
      expect(forged.status).toBe(401);
    }
    const retry = await api(`/queues/${QueueName.Notifications}/retry/failed`, {
      method: 'PUT',
      headers: bearer(userToken),
    });
    expect(retry.status).toBe(403);
    const session = await fetch(`${base}/admin/session`, { method: 'POST', headers: bearer(userToken) });
    expect(session.status).toBe(403);
    expect(session.headers.get('set-cookie')).toBeNull();
  });

  it('opens a browser session: an HttpOnly SameSite=Strict cookie that shows the page', async () => {
    const session = await fetch(`${base}/admin/session`, { method: 'POST', headers: bearer(adminToken) });
    expect(session.status).toBe(200);
    const cookie = session.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^kooperant_admin=[\w.-]+; Path=\/admin; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    const page = await fetch(`${base}/admin/queues`, { headers: { cookie: cookie.split(';')[0] } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const html = await page.text();
    expect(html).toContain('Kooperant queues');
    expect(html).toContain('<base href="/admin/queues/"');
    // Nothing from third parties: Bull Board's link to Google Fonts is taken out.
    expect(html).not.toMatch(/fonts\.(googleapis|gstatic)\.com/);
    expect(html).toContain('static/css/main.');
    // The page's scripts come from under the same path, with the same cookie; without it, not at all.
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(html)![1];
    const asset = await fetch(`${base}/admin/queues/${script}`, { headers: { cookie: cookie.split(';')[0] } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${base}/admin/queues/${script}`)).status).toBe(401);
    const closed = await fetch(`${base}/admin/session`, { method: 'DELETE' });
    expect(closed.status).toBe(204);
    expect(closed.headers.get('set-cookie')).toContain('Max-Age=0');
  });

  it('shows a notification e-mail that failed for real, and sends it when retried through the dashboard', async () => {
    const [notification] = await app.db.query(
      `INSERT INTO notification (user_id, kind, event_id, locale, title, body)
       VALUES ($1, 'invitation.received', $2, 'en', 'Invitation to quote', 'You are invited to quote.')
       RETURNING id`,
      [adminUserId, randomUUID()],
    );
    const id = jobId('email', notification.id);
    await app
      .get(QueueRegistry)
      .enqueue(JobName.SendNotificationEmail, { notificationId: notification.id }, { jobId: id, attempts: 1 });
    const queue = app.get(QueueRegistry).queue(QueueName.Notifications);
    await waitFor('the e-mail job to fail', async () => (await queue.getJob(id))?.isFailed());

    const listed = await api(`/queues?activeQueue=${QueueName.Notifications}&status=failed`, {
      headers: bearer(adminToken),
    });
    const body = (await listed.json()) as {
      queues: { name: string; jobs: { id: string; failedReason: string; attempts: number }[] }[];
    };
    const failed = body.queues.find((q) => q.name === QueueName.Notifications)!.jobs.find((j) => j.id === id)!;
    expect(failed.failedReason).toContain('ECONNREFUSED');

    // With the session cookie alone, a retry from another site is refused and changes nothing.
    const session = await fetch(`${base}/admin/session`, { method: 'POST', headers: bearer(adminToken) });
    const cookie = session.headers.get('set-cookie')!.split(';')[0];
    const retryPath = `/queues/${QueueName.Notifications}/${id}/retry`;
    const crossSite = await api(retryPath, { method: 'PUT', headers: { cookie, origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: { code: 'CROSS_SITE_REQUEST' } });
    const noOrigin = await api(retryPath, { method: 'PUT', headers: { cookie } });
    expect(noOrigin.status).toBe(403);
    expect(await (await queue.getJob(id))?.getState()).toBe('failed');

    const smtp = await loopbackSmtp(smtpPort);
    try {
      const retried = await api(retryPath, { method: 'PUT', headers: { cookie, origin: base } });
      expect(retried.status).toBe(204);
      await waitFor('the retried job to complete', async () => (await queue.getJob(id))?.isCompleted());
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].headers.get('x-kooperant-notification-id')).toBe(notification.id);
      const [row] = await app.db.query(`SELECT emailed_at FROM notification WHERE id = $1`, [notification.id]);
      expect(row.emailed_at).not.toBeNull();
    } finally {
      await smtp.close();
    }
  }, 60_000);
});
