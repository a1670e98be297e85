/**
 * What a person is told, one kind per thing that concerns them. Each kind names the domain event it comes from and
 * the facts its texts need (already read from the database: names, titles, amounts; dates as ISO strings, shown
 * in the recipient's time zone). Templates exist for every kind in en, pl and lt.
 */
export interface NotificationParams {
  /**
   * match.proposed: the matching engine found that the firm's offers fit open packages of an order: one notification
   * per firm and order, naming its best-ranked package and counting the others.
   */
  'opportunity.new': {
    firmName: string;
    orderTitle: string;
    packageTitle: string;
    buyerName: string;
    dueDate: string;
    otherPackages: number;
  };
  /** match.invited: a coordinator (or the buyer) invited the firm to quote. */
  'invitation.received': {
    firmName: string;
    orderTitle: string;
    packageTitle: string;
    buyerName: string;
    quoteDeadline: string;
  };
  /** match.introduction-requested: an introduction across clusters waits for this coordinator's approval. */
  'introduction.requested': { firmName: string; orderTitle: string; packageTitle: string; requestedByCluster: string };
  /** match.introduction-approved: the other side approved; the firm is invited. */
  'introduction.approved': { firmName: string; orderTitle: string; packageTitle: string; approvedByCluster: string };
  /** match.handed-over: an opportunity was handed to this coordinator's cluster. */
  'opportunity.handed-over': { firmName: string; orderTitle: string; packageTitle: string; fromCluster: string };
  /** quote.submitted: the buyer received a quote. */
  'quote.received': {
    supplierName: string;
    orderTitle: string;
    packages: number;
    totalMinor: number;
    currency: string;
  };
  /** quote.revised: a supplier revised its quote. */
  'quote.revised': { supplierName: string; orderTitle: string; version: number };
  /** quote.withdrawn: a supplier withdrew its quote. */
  'quote.withdrawn': { supplierName: string; orderTitle: string };
  /** package.awarded: the firm won a package. */
  'award.won': { firmName: string; orderTitle: string; packageTitle: string; buyerName: string };
  /** quote.lost: another firm's quote was chosen for a package the firm quoted. */
  'award.lost': { firmName: string; orderTitle: string; packageTitle: string };
  /** package.handed-over: a step was handed over to the next step's firm or the buyer. */
  'package.handed-over': { fromFirmName: string; orderTitle: string; packageTitle: string; onTime: boolean };
  /** order.cancelled: an order the firm quoted for or was invited to was cancelled. */
  'order.cancelled': { orderTitle: string; buyerName: string; reason: string };
  /** order.completed: every step of an order the firm worked on was accepted. */
  'order.completed': { orderTitle: string; buyerName: string; packages: number };
  /** message.posted: a new message in a thread the person takes part in. */
  'message.new': { authorName: string; orderTitle: string; preview: string };
  /** offer.expiring-soon: the firm's offer leaves the catalogue soon. */
  'offer.expiring': { offerTitle: string; validUntil: string; daysLeft: number };
  /** firm.verified: a cluster verified the firm's membership. */
  'firm.verified': { firmName: string; clusterName: string };
  /** firm.membership-requested: a firm asks a coordinator's cluster to verify it. */
  'membership.requested': { firmName: string; clusterName: string; country: string };
  /** webhook.endpoint-disabled: the platform stopped sending to a firm's endpoint after deliveries kept failing. */
  'webhook.disabled': { firmName: string; url: string; failures: number };
  /** exchange.posted: a coordinator of this or the partner cluster posted in the coordinators' exchange. */
  'exchange.posted': { authorName: string; clusterName: string; title: string };
  /** exchange.commented: someone commented on a post the person wrote or commented on. */
  'exchange.commented': { authorName: string; postTitle: string; preview: string };
  /** exchange.order-forwarded: the partner cluster's coordinators recommend (and open) an order to the firm. */
  'order.forwarded': {
    orderTitle: string;
    buyerName: string;
    fromCluster: string;
    quoteDeadline: string;
    note: string;
  };
  /** exchange.offer-forwarded: the partner cluster's coordinators recommend an offer to the firm. */
  'offer.forwarded': { offerTitle: string; supplierName: string; fromCluster: string; note: string };
}

export type NotificationKind = keyof NotificationParams;

export const NOTIFICATION_KINDS = [
  'opportunity.new',
  'invitation.received',
  'introduction.requested',
  'introduction.approved',
  'opportunity.handed-over',
  'quote.received',
  'quote.revised',
  'quote.withdrawn',
  'award.won',
  'award.lost',
  'package.handed-over',
  'order.cancelled',
  'order.completed',
  'message.new',
  'offer.expiring',
  'firm.verified',
  'membership.requested',
  'webhook.disabled',
  'exchange.posted',
  'exchange.commented',
  'order.forwarded',
  'offer.forwarded',
] as const satisfies readonly NotificationKind[];

/** The event each kind comes from. */
export const KIND_OF_EVENT: Record<string, NotificationKind> = {
  'match.proposed': 'opportunity.new',
  'match.invited': 'invitation.received',
  'match.introduction-requested': 'introduction.requested',
  'match.introduction-approved': 'introduction.approved',
  'match.handed-over': 'opportunity.handed-over',
  'quote.submitted': 'quote.received',
  'quote.revised': 'quote.revised',
  'quote.withdrawn': 'quote.withdrawn',
  'package.awarded': 'award.won',
  'quote.lost': 'award.lost',
  'package.handed-over': 'package.handed-over',
  'order.cancelled': 'order.cancelled',
  'order.completed': 'order.completed',
  'message.posted': 'message.new',
  'offer.expiring-soon': 'offer.expiring',
  'firm.verified': 'firm.verified',
  'firm.membership-requested': 'membership.requested',
  'webhook.endpoint-disabled': 'webhook.disabled',
  'exchange.posted': 'exchange.posted',
  'exchange.commented': 'exchange.commented',
  'exchange.order-forwarded': 'order.forwarded',
  'exchange.offer-forwarded': 'offer.forwarded',
};

/** A rendered notification: a short title (e-mail subject, list line) and a body of one or two sentences. */
export interface RenderedText {
  title: string;
  body: string;
}
