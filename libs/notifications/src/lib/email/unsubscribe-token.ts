import { createHmac, timingSafeEqual } from 'node:crypto';
import type { KooperantConfig } from '@kooperant/platform-config';

/** What the unsubscribe link of a daily digest names instead of a kind: the digest as a whole. */
export const DIGEST_UNSUBSCRIBE = 'digest';

/**
 * The token of an e-mail's unsubscribe link: who and which kind, signed with the platform's secret, so that the
 * link works without signing in and cannot be forged for another user or kind (or `digest`, for the daily digest).
 */
export function unsubscribeToken(secret: string, userId: string, kind: string): string {
  const body = Buffer.from(`${userId}|${kind}`).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/** The public unsubscribe link of a user's e-mails of one kind (or of the daily digest). */
export function unsubscribeLink(config: KooperantConfig, userId: string, kind: string): string {
  return `${config.mail.publicUrl}/notifications/unsubscribe?token=${unsubscribeToken(config.auth.jwtSecret, userId, kind)}`;
}

export function readUnsubscribeToken(secret: string, token: string): { userId: string; kind: string } | null {
  const [body, mac] = token.split('.');
  if (!body || !mac) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [userId, kind] = Buffer.from(body, 'base64url').toString('utf8').split('|');
  return userId && kind ? { userId, kind } : null;
}

const sign = (secret: string, body: string) =>
  createHmac('sha256', secret).update(`unsubscribe:${body}`).digest('base64url');
