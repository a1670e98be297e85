import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress, type WebhookTargetPolicy } from './webhook-target';

/** A delivery refused before connecting: the endpoint's host is (or resolves to) a private address. */
export class PrivateTargetError extends Error {
  readonly code = 'PRIVATE_ADDRESS';
}

/**
 * The address lookup of a delivery's own connection: the addresses it connects to are the ones checked. Checking a
 * name first and connecting after (a second lookup) leaves a window in which a name served with a short TTL can turn
 * from a public address into a private one (DNS rebinding); here there is no second lookup.
 */
export function guardedLookup(): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const blocked = addresses.find((a) => isPrivateAddress(a.address));
      if (blocked) {
        return callback(new PrivateTargetError(`${hostname} resolves to ${blocked.address}, a private address`), '', 0);
      }
      if (!addresses.length)
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

export interface WebhookAnswer {
  statusCode: number;
  /** The first `excerptBytes` of the body, as text; null when empty. The rest is not read. */
  excerpt: string | null;
}

/**
 * POSTs a delivery: no redirect followed (an answer, not a place to go), at most `timeoutMs` for the whole exchange,
 * and, unless the policy lets webhooks into private networks, only to public addresses (see guardedLookup; a literal
 * address is checked here, as no lookup runs for it). Rejects with the error of the connection, a PrivateTargetError
 * or, on time-out, an error named TimeoutError.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { policy: WebhookTargetPolicy; timeoutMs: number; excerptBytes: number },
): Promise<WebhookAnswer> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!opts.policy.allowPrivateNetworks && isIP(host) && isPrivateAddress(host)) {
    return Promise.reject(new PrivateTargetError(`${host} is a private address`));
  }
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<WebhookAnswer>((resolve, reject) => {
    const timer = setTimeout(() => {
      const e = new Error(`no answer within ${opts.timeoutMs} ms`);
      e.name = 'TimeoutError';
      req.destroy(e);
    }, opts.timeoutMs);
    const done = (f: () => void) => {
      clearTimeout(timer);
      f();
    };
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: opts.policy.allowPrivateNetworks ? undefined : guardedLookup(),
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let finished = false;
        const finish = () => {
          if (finished) return;
          finished = true;
          const text = Buffer.concat(chunks).subarray(0, opts.excerptBytes).toString('utf8');
          done(() => resolve({ statusCode: res.statusCode ?? 0, excerpt: text.length ? text : null }));
          res.destroy();
        };
        res.on('data', (c: Buffer) => {
          chunks.push(c);
          size += c.length;
          if (size >= opts.excerptBytes) finish();
        });
        res.on('end', finish);
        // An answer cut short still says what it said so far.
        res.on('error', finish);
        res.on('aborted', finish);
      },
    );
    req.on('error', (e) => done(() => reject(e)));
    req.end(body);
  });
}
