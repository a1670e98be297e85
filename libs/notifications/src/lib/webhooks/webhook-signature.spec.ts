import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, signWebhook } from './webhook-signature';

// `standardwebhooks` is the reference implementation of the spec (its own HMAC and base64): an independent check.
describe('signWebhook', () => {
  const body = JSON.stringify({ type: 'invitation.received', timestamp: '2026-11-26T10:00:00.000Z', data: { a: 1 } });
  const id = '6f1c8e0e-8e57-4a4b-9d5c-9b7a3c1f0a11';

  it('is accepted by the reference implementation with the same secret', () => {
    const secret = newWebhookSecret();
    const headers = signWebhook([secret], id, new Date(), body);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('is refused with another secret, or when one byte of the body changed', () => {
    const headers = signWebhook([newWebhookSecret()], id, new Date(), body);
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow();
    const secret = newWebhookSecret();
    const signed = signWebhook([secret], id, new Date(), body);
    expect(() => new Webhook(secret).verify(body.replace('1', '2'), { ...signed })).toThrow();
  });

  it('carries one signature per secret while a rotation settles: either secret verifies', () => {
    const [next, previous] = [newWebhookSecret(), newWebhookSecret()];
    const headers = signWebhook([next, previous], id, new Date(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(next).verify(body, { ...headers })).toBeTruthy();
    expect(new Webhook(previous).verify(body, { ...headers })).toBeTruthy();
  });

  it('uses Unix seconds, and the reference refuses a timestamp five minutes off', () => {
    const secret = newWebhookSecret();
    const at = new Date(Date.now() - 10 * 60_000);
    const headers = signWebhook([secret], id, at, body);
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(at.getTime() / 1000)));
    expect(() => new Webhook(secret).verify(body, { ...headers })).toThrow(/timestamp/i);
  });

  it('makes secrets of 32 random bytes in the whsec_ form', () => {
    const s = newWebhookSecret();
    expect(s).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(s.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(s);
  });
});
