import { DomainError } from '@kooperant/platform-errors';
import { checkWebhookUrl, isPrivateAddress } from './webhook-target';

const production = { requireHttps: true, allowPrivateNetworks: false };
const development = { requireHttps: false, allowPrivateNetworks: true };

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return `${e.problems[0]?.field}:${e.problems[0]?.reason}`;
    throw e;
  }
  return undefined;
}

describe('checkWebhookUrl', () => {
  it('accepts a public https URL and drops its fragment', () => {
    expect(checkWebhookUrl(' https://erp.example.com/hooks/kooperant#x ', production)).toBe(
      'https://erp.example.com/hooks/kooperant',
    );
  });

  it('names the field and the reason for each bad URL', () => {
    expect(reasonOf(() => checkWebhookUrl('erp.example.com/hook', production))).toBe('url:FORMAT');
    expect(reasonOf(() => checkWebhookUrl('http://erp.example.com/hook', production))).toBe('url:SCHEME');
    expect(reasonOf(() => checkWebhookUrl('ftp://erp.example.com/hook', development))).toBe('url:SCHEME');
    expect(reasonOf(() => checkWebhookUrl('https://u:p@erp.example.com/hook', production))).toBe('url:CREDENTIALS');
    expect(reasonOf(() => checkWebhookUrl(`https://e.com/${'a'.repeat(2000)}`, production))).toBe('url:TOO_LONG');
    for (const u of [
      'https://127.0.0.1/x',
      'https://localhost:8080/x',
      'https://10.1.2.3/x',
      'https://[::1]/x',
      'https://169.254.169.254/latest',
    ]) {
      expect(reasonOf(() => checkWebhookUrl(u, production))).toBe('url:PRIVATE_ADDRESS');
    }
  });

  it('lets http and loopback through where the policy allows them (development, tests)', () => {
    expect(checkWebhookUrl('http://127.0.0.1:4000/hook', development)).toBe('http://127.0.0.1:4000/hook');
  });
});

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.0.0.5', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['100.64.0.1', true],
    ['::1', true],
    ['fd12::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:8.8.8.8', false],
    ['8.8.8.8', false],
    ['2a00:1450:4001::1', false],
  ])('%s → %s', (ip, expected) => expect(isPrivateAddress(ip)).toBe(expected));
});
