import type { NotificationKind } from '../kinds';

/**
 * Kinds sent by e-mail unless the user turned them off: those a person must not miss. The others (a new
 * opportunity, a message, an opportunity handed over) stay in the app unless turned on.
 */
export const EMAIL_BY_DEFAULT: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
  'invitation.received',
  'introduction.requested',
  'quote.received',
  'quote.withdrawn',
  'award.won',
  'award.lost',
  'order.cancelled',
  'offer.expiring',
  'firm.verified',
  'membership.requested',
  'webhook.disabled',
]);
