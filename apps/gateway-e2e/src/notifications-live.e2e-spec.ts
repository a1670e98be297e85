import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Webhook } from 'standardwebhooks';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { DEMO_FIRMS, demoFirmUserEmail } from '@kooperant/identity';
import { unsubscribeToken } from '@kooperant/notifications';
import { baseUrl, gql, gqlOk } from './support/gql';
import { signIn, signInPlCoordinator, signUp, verifiedPolishFirm } from './support/actors';
import { publishedOrder } from './support/orders';
import { receivedMail } from './support/mail-drop';

/** The firm's own system: an HTTP endpoint on loopback that keeps what it is sent. */
async function firmSystem() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kooperant`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function until<T>(what: string, get: () => Promise<T | undefined> | T | undefined, ms = 15_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    const v = await get();
    if (v !== undefined) return v;
  }
  throw new Error(`${what} did not come within ${ms} ms`);
}

interface Live {
  notificationAdded: { id: string; kind: string; title: string; body: string; links: { matchId: string | null } };
}

const wsUrl = () => `${baseUrl().replace(/^http/, 'ws')}/graphql`;

function connect(token?: string): Client {
  return createClient({
    url: wsUrl(),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined, // the subscriptions report it
  });
}

/** The first message of a subscription that satisfies `ok`, or the error that ended it. */
function first<T>(client: Client, query: string, ok: (t: T) => boolean): { next: Promise<T>; stop(): void } {
  let stop = () => undefined as void;
  const next = new Promise<T>((resolve, reject) => {
    stop = client.subscribe<T>(
      { query },
      {
        next: (m) => {
          if (m.errors?.length) reject(new Error(JSON.stringify(m.errors)));
          else if (m.data && ok(m.data as T)) resolve(m.data as T);
        },
        error: (e) => reject(e),
        complete: () => reject(new Error('the subscription ended')),
      },
    );
  });
  return { next, stop: () => stop() };
}

describe('live notifications over graphql-ws', () => {
  const clients: Client[] = [];
  afterAll(async () => {
    for (const c of clients) await c.dispose();
  });

  it("tells the invited firm of a coordinator's invitation live, by e-mail in its language and by signed webhook", async () => {
    const [buyer, coordinator] = await Promise.all([verifiedPolishFirm(), signInPlCoordinator()]);
    const order = await publishedOrder(buyer, 'Live brackets', [
      { key: 'cut', title: 'Cut the blanks', processCode: 'process.laser-cutting', dueInDays: 25 },
    ]);

    // The worker proposes firms; pick a Polish one (same cluster: the invitation goes out at once).
    type Matches = {
      matchesForWorkPackage: { edges: { node: { id: string; firm: { id: string; name: string; country: string } } }[] };
    };
    let match: { id: string; firm: { id: string; name: string; country: string } } | undefined;
    for (let i = 0; i < 150 && !match; i++) {
      const r = await gqlOk<Matches>(
        `query($p: UUID!) { matchesForWorkPackage(workPackageId: $p, first: 20) { edges { node { id firm { id name country } } } } }`,
        { p: order.packageId('cut') },
        coordinator,
      );
      match = r.matchesForWorkPackage.edges.map((e) => e.node).find((m) => m.firm.country === 'PL');
      if (!match) await sleep(200);
    }
    expect(match).toBeDefined();
    const firm = DEMO_FIRMS.find((f) => f.name === match!.firm.name)!;
    const firmUser = await signIn(demoFirmUserEmail(firm));
    const system = await firmSystem();
    const hook = await gqlOk<{ createWebhookEndpoint: { secret: string; endpoint: { id: string; firmId: string } } }>(
      `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret endpoint { id firmId } } }`,
      {
        i: {
          idempotencyKey: `e2e-hook-${Date.now()}`,
          firmId: match!.firm.id,
          url: system.url,
          kinds: ['invitation.received'],
        },
      },
      firmUser,
    );

    const client = connect(firmUser);
    clients.push(client);
    const invited = first<Live>(
      client,
      `subscription { notificationAdded { id kind title body links { matchId } } }`,
      (d) => d.notificationAdded.kind === 'invitation.received' && d.notificationAdded.links.matchId === match!.id,
    );
    await sleep(300); // the subscription is set up on the server

    const step = (name: string) =>
      gqlOk(
        `mutation($i: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $i) { id status } }`,
        { i: { matchId: match!.id } },
        coordinator,
      );
    await step('endorseMatch');
    const sent = Date.now();
    await step('inviteFirmToQuote');
    const got = await invited.next;
    console.log(`invitation delivered live ${Date.now() - sent} ms after the coordinator's request returned`);
    expect(got.notificationAdded.title).toContain('Cut the blanks');
    invited.stop();

    // By e-mail, in the firm user's language (the notification's own title and text), with its id.
    const mail = await until('the e-mail', async () =>
      (await receivedMail()).find((m) => m.headers.get('x-kooperant-notification-id') === got.notificationAdded.id),
    );
    expect(mail.subject).toBe(got.notificationAdded.title);
    expect(JSON.stringify(mail.to)).toContain(demoFirmUserEmail(firm));
    expect(mail.text).toContain(got.notificationAdded.body);

    // By webhook to the firm's system, signed with the endpoint's secret (checked by the reference library).
    const call = await until('the webhook', () => system.received[0]);
    const payload = new Webhook(hook.createWebhookEndpoint.secret).verify(call.body, {
      'webhook-id': String(call.headers['webhook-id']),
      'webhook-timestamp': String(call.headers['webhook-timestamp']),
      'webhook-signature': String(call.headers['webhook-signature']),
    }) as { type: string; data: { matchId: string; firmId: string } };
    expect(payload.type).toBe('invitation.received');
    expect(payload.data).toMatchObject({ matchId: match!.id, firmId: hook.createWebhookEndpoint.endpoint.firmId });
    await system.close();
  }, 60_000);

  it('refuses a connection without a valid access token', async () => {
    const client = connect('not-a-token');
    clients.push(client);
    const refused = first<Live>(client, `subscription { notificationAdded { kind } }`, () => true);
    await expect(refused.next).rejects.toMatchObject({ code: 4403 }); // graphql-ws: Forbidden
  });

  it("turns a kind of e-mail off from the link in the e-mail, and says so in the user's language", async () => {
    const token = await signInPlCoordinator();
    const me = await gqlOk<{ me: { user: { id: string; locale: string } } }>(
      `{ me { user { id locale } } }`,
      {},
      token,
    );
    // The e2e gateway's secret (support/global-setup.ts) signs the link as the worker would.
    const link = unsubscribeToken('e2e-secret-e2e-secret-e2e-secret-012345', me.me.user.id, 'membership.requested');
    const ok = await fetch(`${baseUrl()}/notifications/unsubscribe?token=${link}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/html');
    expect(await ok.text()).toContain(`lang="${me.me.user.locale}"`);
    const oneClick = await fetch(`${baseUrl()}/notifications/unsubscribe?token=${link}`, { method: 'POST' });
    expect(await oneClick.json()).toEqual({ unsubscribed: true });
    const forged = await fetch(`${baseUrl()}/notifications/unsubscribe?token=${link.slice(0, -2)}xx`);
    expect(forged.status).toBe(400);
  });

  it('reads and sets how each kind comes by e-mail and the digest hour; bad input names the field', async () => {
    const { token } = await signUp('lt');
    const PREFS = `digestHour timeZone kinds { kind email byDefault }`;
    type Prefs = { digestHour: number; timeZone: string; kinds: { kind: string; email: string; byDefault: boolean }[] };
    const mine = await gqlOk<{ notificationPreferences: Prefs }>(`{ notificationPreferences { ${PREFS} } }`, {}, token);
    expect(mine.notificationPreferences.digestHour).toBe(8);
    expect(mine.notificationPreferences.kinds.find((k) => k.kind === 'message.new')).toEqual({
      kind: 'message.new',
      email: 'daily_digest',
      byDefault: true,
    });
    const UPDATE = `mutation($i: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $i) { ${PREFS} } }`;
    const set = await gqlOk<{ updateNotificationPreferences: Prefs }>(
      UPDATE,
      { i: { digestHour: 18, kinds: [{ kind: 'message.new', email: 'immediately' }] } },
      token,
    );
    expect(set.updateNotificationPreferences.digestHour).toBe(18);
    expect(set.updateNotificationPreferences.kinds.find((k) => k.kind === 'message.new')?.email).toBe('immediately');
    const bad = await gql(UPDATE, { i: { digestHour: 24 } }, token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'digestHour' });
    const unknown = await gql(UPDATE, { i: { kinds: [{ kind: 'quote.maybe', email: 'off' }] } }, token);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'kinds[0].kind' });
  });
});
