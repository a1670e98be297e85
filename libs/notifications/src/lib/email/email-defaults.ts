import type { NotificationKind } from '../kinds';

/** How a user gets one kind of notification by e-mail (in the app they always get it). */
export const EMAIL_MODES = ['off', 'immediately', 'daily_digest'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export const isEmailMode = (v: unknown): v is EmailMode => (EMAIL_MODES as readonly unknown[]).includes(v);

/**
 * The e-mail mode of each kind until the user chooses. Immediately: what asks for an answer or a decision soon, or
 * that changes the work a firm has (an invitation with a quote deadline, an introduction or membership waiting for a
 * coordinator, a quote to compare, an award, a delivery to accept, a cancellation, an offer about to leave the
 * catalogue, the firm's verification); these are a few a week. In the daily digest: what comes often and can wait a
 * day (new opportunities come from every matching run, messages in every thread, quote revisions, handed-over
 * opportunities, approvals that already led to an invitation, a lost award, a completed order). Nothing is off by
 * default: the digest is the quiet way to keep the rest in view.
 */
export const EMAIL_MODE_BY_DEFAULT: Readonly<Record<NotificationKind, EmailMode>> = {
  'opportunity.new': 'daily_digest',
  'invitation.received': 'immediately',
  'introduction.requested': 'immediately',
  'introduction.approved': 'daily_digest',
  'opportunity.handed-over': 'daily_digest',
  'quote.received': 'immediately',
  'quote.revised': 'daily_digest',
  'quote.withdrawn': 'immediately',
  'award.won': 'immediately',
  'award.lost': 'daily_digest',
  'package.handed-over': 'immediately',
  'order.cancelled': 'immediately',
  'order.completed': 'daily_digest',
  'message.new': 'daily_digest',
  'offer.expiring': 'immediately',
  'firm.verified': 'immediately',
  'membership.requested': 'immediately',
  // An endpoint that stopped: the firm's systems miss everything until someone acts.
  'webhook.disabled': 'immediately',
  'exchange.posted': 'daily_digest',
  'exchange.commented': 'daily_digest',
  // A partner cluster opened an order to the firm: quotes have a deadline.
  'order.forwarded': 'immediately',
  'offer.forwarded': 'daily_digest',
};

/** The local hour (0–23, in the user's own time zone) of the daily digest until the user chooses. */
export const DEFAULT_DIGEST_HOUR = 8;

/**
 * SQL for the e-mail mode of notification `n` (joined with `notification_preference p` on user and kind): the user's
 * choice, else the kind's default, given as two parallel arrays in parameters `$kinds` and `$modes`.
 */
export function effectiveModeSql(kinds: string, modes: string): string {
  return `COALESCE(p.email_mode, (SELECT d.mode FROM unnest(${kinds}::text[], ${modes}::text[]) AS d(kind, mode)
    WHERE d.kind = n.kind))`;
}

/** The parameters of effectiveModeSql: every kind and its default mode. */
export function defaultModeParams(): [string[], string[]] {
  const entries = Object.entries(EMAIL_MODE_BY_DEFAULT);
  return [entries.map(([k]) => k), entries.map(([, m]) => m)];
}
