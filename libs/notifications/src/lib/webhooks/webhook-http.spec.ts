import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guardedLookup, postWebhook, PrivateTargetError } from './webhook-http';

const production = { requireHttps: true, allowPrivateNetworks: false };
const development = { requireHttps: false, allowPrivateNetworks: true };
const opts = (policy = development, timeoutMs = 2_000) => ({ policy, timeoutMs, excerptBytes: 16 });

describe('postWebhook', () => {
  let server: Server;
  let base: string;
  const received: { method?: string; body: string }[] = [];
  let answer: (res: import('node:http').ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ method: req.method, body });
        answer(res);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => (received.length = 0));

  it('posts the body and reads only the first bytes of the answer', async () => {
    answer = (res) => res.writeHead(202).end('accepted, and a long story after that');
    const r = await postWebhook(`${base}/hook`, '{"a":1}', { 'content-type': 'application/json' }, opts());
    expect(r).toEqual({ statusCode: 202, excerpt: 'accepted, and a ' });
    expect(received).toEqual([{ method: 'POST', body: '{"a":1}' }]);
  });

  it('takes a redirect as the answer, without following it', async () => {
    answer = (res) => res.writeHead(302, { location: 'http://169.254.169.254/latest' }).end();
    expect(await postWebhook(`${base}/hook`, '{}', {}, opts())).toEqual({ statusCode: 302, excerpt: null });
    expect(received).toHaveLength(1);
  });

  it('gives up after the time-out', async () => {
    answer = () => undefined;
    await expect(postWebhook(`${base}/slow`, '{}', {}, opts(development, 100))).rejects.toMatchObject({
      name: 'TimeoutError',
      message: 'no answer within 100 ms',
    });
  });

  it('never connects to a private address where the policy keeps webhooks out, named or literal', async () => {
    answer = (res) => res.writeHead(200).end();
    const port = new URL(base).port;
    await expect(postWebhook(`http://localhost:${port}/hook`, '{}', {}, opts(production))).rejects.toBeInstanceOf(
      PrivateTargetError,
    );
    await expect(postWebhook(`http://127.0.0.1:${port}/hook`, '{}', {}, opts(production))).rejects.toBeInstanceOf(
      PrivateTargetError,
    );
    expect(received).toHaveLength(0);
  });
});

describe('guardedLookup', () => {
  it('refuses a name that resolves to a private address, in both forms the socket asks for', async () => {
    const lookup = guardedLookup();
    for (const all of [false, true]) {
      const err = await new Promise<Error | null>((r) => lookup('localhost', { all }, (e) => r(e)));
      expect(err).toBeInstanceOf(PrivateTargetError);
      expect(err?.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a private address$/);
    }
  });
});
