import type { Formatter } from './formatter';
import type { Templates } from './template';
import { asSentence, countryNamer, quotedSentence } from './text';

const countryName = countryNamer('en');

const quoted = (text: string): string => quotedSentence(text, '“', '”');

const packages = (n: number, f: Formatter): string =>
  f.plural(n, { one: '{n} work package', other: '{n} work packages' });

const days = (n: number, f: Formatter): string => f.plural(n, { one: '{n} day', other: '{n} days' });

/** English texts. Order and package titles are the users' own words and are quoted. */
export const EN: Templates = {
  'opportunity.new': (p, f) => ({
    title: `New opportunity: ${p.packageTitle}`,
    body:
      `One of the offers of ${p.firmName} matches “${p.packageTitle}”, which ${p.buyerName} needs for the order ` +
      `“${p.orderTitle}” by ${f.date(p.dueDate)}.` +
      (p.otherPackages > 0
        ? ` Its offers also fit ${f.plural(p.otherPackages, { one: '{n} more work package', other: '{n} more work packages' })} of this order.`
        : '') +
      ` Open the opportunity to see the details.`,
  }),

  'invitation.received': (p, f) => ({
    title: `Invitation to quote: ${p.packageTitle}`,
    body:
      `${p.firmName} is invited to quote for “${p.packageTitle}” in the order “${p.orderTitle}” (buyer: ${p.buyerName}). ` +
      `Open the order to quote by ${f.dateTime(p.quoteDeadline)}.`,
  }),

  'introduction.requested': (p) => ({
    title: `Introduction awaiting your approval: ${p.firmName}`,
    body:
      `${p.requestedByCluster} asks to invite ${p.firmName} to quote for “${p.packageTitle}” ` +
      `in the order “${p.orderTitle}”. Open the match to review and approve the introduction.`,
  }),

  'introduction.approved': (p) => ({
    title: `Introduction approved: ${p.packageTitle}`,
    body:
      `${p.approvedByCluster} approved the introduction, so ${p.firmName} is now invited to quote for ` +
      `“${p.packageTitle}” in the order “${p.orderTitle}”. Open the order to prepare the quote.`,
  }),

  'opportunity.handed-over': (p) => ({
    title: `Opportunity handed over to your cluster: ${p.packageTitle}`,
    body:
      `${p.fromCluster} handed over an opportunity for ${p.firmName}: “${p.packageTitle}” in the order “${p.orderTitle}”. ` +
      `Open the match to endorse the firm or invite it to quote.`,
  }),

  'quote.received': (p, f) => ({
    title: `New quote from ${p.supplierName}`,
    body:
      `${p.supplierName} quoted ${packages(p.packages, f)} in the order “${p.orderTitle}”, ` +
      `${f.money(p.totalMinor, p.currency)} in total. Open the order to compare the quotes and award the work.`,
  }),

  'quote.revised': (p) => ({
    title: `Quote revised by ${p.supplierName}`,
    body:
      `${p.supplierName} revised its quote in the order “${p.orderTitle}” (version ${p.version}). ` +
      `Open the order to review the changes before you award the work.`,
  }),

  'quote.withdrawn': (p) => ({
    title: `Quote withdrawn by ${p.supplierName}`,
    body:
      `${p.supplierName} withdrew its quote in the order “${p.orderTitle}”. ` +
      `The other quotes remain valid; open the order to review them or invite another firm.`,
  }),

  'award.won': (p) => ({
    title: `Work awarded: ${p.packageTitle}`,
    body:
      `${p.buyerName} chose the quote of ${p.firmName} for “${p.packageTitle}” in the order “${p.orderTitle}”. ` +
      `Open the order to see the details and plan production.`,
  }),

  'award.lost': (p) => ({
    title: `Another quote was chosen: ${p.packageTitle}`,
    body:
      `The buyer chose another firm's quote for “${p.packageTitle}” in the order “${p.orderTitle}”. ` +
      `Thank you for the quote from ${p.firmName}; we will let you know about new matching orders.`,
  }),

  'package.handed-over': (p) =>
    p.onTime
      ? {
          title: `Handed over on time: ${p.packageTitle}`,
          body:
            `${p.fromFirmName} handed over “${p.packageTitle}” in the order “${p.orderTitle}” on time. ` +
            `Please check the delivery and accept it in the order.`,
        }
      : {
          title: `Handed over late: ${p.packageTitle}`,
          body:
            `${p.fromFirmName} handed over “${p.packageTitle}” in the order “${p.orderTitle}” after the agreed date. ` +
            `Please check the delivery and accept it in the order.`,
        },

  'order.cancelled': (p) => ({
    title: `Order cancelled: ${p.orderTitle}`,
    body:
      `${p.buyerName} cancelled the order “${p.orderTitle}”.` +
      (p.reason.trim() ? ` Reason: ${asSentence(p.reason)}` : '') +
      ` No further action is needed from you.`,
  }),

  'order.completed': (p, f) => ({
    title: `Order completed: ${p.orderTitle}`,
    body:
      `${p.buyerName} accepted all the work in the order “${p.orderTitle}”: ${packages(p.packages, f)} completed. ` +
      `Thank you for the cooperation.`,
  }),

  'message.new': (p) => ({
    title: `New message in “${p.orderTitle}”`,
    body: `${p.authorName} wrote: ${quoted(p.preview)} Open the order to reply.`,
  }),

  'offer.expiring': (p, f) =>
    p.daysLeft > 0
      ? {
          title: `Your offer expires in ${days(p.daysLeft, f)}: ${p.offerTitle}`,
          body:
            `Your offer “${p.offerTitle}” is valid until ${f.date(p.validUntil)} and then leaves the catalogue. ` +
            `Extend it to keep receiving matching orders.`,
        }
      : {
          title: `Your offer expires today: ${p.offerTitle}`,
          body:
            `Your offer “${p.offerTitle}” leaves the catalogue today, ${f.date(p.validUntil)}. ` +
            `Extend it to keep receiving matching orders.`,
        },

  'firm.verified': (p) => ({
    title: `Membership verified: ${p.clusterName}`,
    body:
      `${p.clusterName} has verified ${p.firmName} as a member of the cluster. ` +
      `Your firm can now take part in the cooperative orders of the cluster.`,
  }),

  'membership.requested': (p) => ({
    title: `Membership request: ${p.firmName}`,
    body:
      `${p.firmName} (${countryName(p.country)}) asks ${p.clusterName} to verify its membership. ` +
      `Please check the firm's details and verify or decline the request.`,
  }),

  'webhook.disabled': (p, f) => ({
    title: `Webhook endpoint disabled`,
    body:
      `Kooperant stopped sending the webhooks of ${p.firmName} to ${p.url} after ` +
      `${f.plural(p.failures, { one: '{n} delivery', other: '{n} deliveries' })} in a row failed. ` +
      `Check the delivery log, fix the endpoint and enable it again; failed deliveries can be sent again from the log.`,
  }),

  'exchange.posted': (p) => ({
    title: `Coordinators' exchange: ${p.title}`,
    body: `${p.authorName} (${p.clusterName}) posted “${p.title}” in the coordinators' exchange. Open it to read and comment.`,
  }),

  'exchange.commented': (p) => ({
    title: `New comment on “${p.postTitle}”`,
    body: `${p.authorName} commented: ${quoted(p.preview)}`,
  }),

  'order.forwarded': (p, f) => ({
    title: `Order recommended to your firm: ${p.orderTitle}`,
    body:
      `The coordinators of ${p.fromCluster} recommend the order “${p.orderTitle}” of ${p.buyerName} to your firm. ` +
      `You can quote for it until ${f.dateTime(p.quoteDeadline)}.` +
      (p.note.trim() ? ` Their note: ${quoted(p.note)}` : ''),
  }),

  'offer.forwarded': (p) => ({
    title: `Offer recommended to your firm: ${p.offerTitle}`,
    body:
      `The coordinators of ${p.fromCluster} recommend the offer “${p.offerTitle}” of ${p.supplierName} to your firm.` +
      (p.note.trim() ? ` Their note: ${quoted(p.note)}` : ''),
  }),
};
