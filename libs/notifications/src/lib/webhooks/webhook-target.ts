import { BlockList, isIP } from 'node:net';
import { DomainError } from '@kooperant/platform-errors';

/** Where webhooks may go: public https addresses in production; loopback and private networks where configured. */
export interface WebhookTargetPolicy {
  requireHttps: boolean;
  allowPrivateNetworks: boolean;
}

/** Addresses a firm's endpoint must not point at (the platform's own network): loopback, private, link-local, … */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv6');
}

export function isPrivateAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  const family = isIP(ip);
  return family === 4 ? PRIVATE.check(ip, 'ipv4') : family === 6 ? PRIVATE.check(ip, 'ipv6') : true;
}

/**
 * Checks an endpoint URL as a firm gives it; returns it normalised. Errors name the field `url`: FORMAT, SCHEME,
 * CREDENTIALS, TOO_LONG, PRIVATE_ADDRESS (a literal address or `localhost` in a network the policy keeps out).
 */
export function checkWebhookUrl(raw: string, policy: WebhookTargetPolicy): string {
  const text = raw.trim();
  if (text.length > 2000) throw DomainError.invalid('url', 'TOO_LONG', 'The URL is longer than 2000 characters.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw DomainError.invalid('url', 'FORMAT', 'Give an absolute URL, such as https://erp.example.com/kooperant.');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !policy.requireHttps)) {
    throw DomainError.invalid('url', 'SCHEME', policy.requireHttps ? 'The URL must use https.' : 'Use http or https.');
  }
  if (url.username || url.password) {
    throw DomainError.invalid('url', 'CREDENTIALS', 'Put no user name or password in the URL: requests are signed.');
  }
  url.hash = '';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (
    !policy.allowPrivateNetworks &&
    (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) && isPrivateAddress(host)))
  ) {
    throw DomainError.invalid('url', 'PRIVATE_ADDRESS', 'The URL points at a private or loopback address.');
  }
  return url.toString();
}
