import { convertMinor, isCurrency, parseDecimalRate, rateCalendarDate } from '@kooperant/platform-money';
import type { Fact, MetricsDimensions } from './fact';
import { BROKERING_MATCH_EVENTS, inEventOrder, type MetricEvent } from './metric-event';

const str = (e: MetricEvent, key: string): string | null =>
  typeof e.payload[key] === 'string' ? (e.payload[key] as string) : null;
const MINUTE_MS = 60_000;

/**
 * The facts of one cooperative order, from its events in any order of arrival: its publication, quotes, matches,
 * awards and hand-overs. Nothing is derived before the order's publication is known (it names the cluster and buyer);
 * when it comes, the whole partition is derived again.
 */
export function deriveOrderFacts(events: readonly MetricEvent[], ctx: MetricsDimensions): Fact[] {
  const ordered = inEventOrder(events);
  const published = ordered.find((e) => e.type === 'order.published');
  if (!published) return [];
  const orderId = str(published, 'orderId') as string;
  const clusterId = str(published, 'clusterId');
  const buyer = str(published, 'buyerFirmId');
  if (!clusterId || !buyer) return [];
  const facts: Fact[] = [];
  const add = (f: Omit<Fact, 'clusterId'> & { clusterId?: string | null }) => facts.push({ clusterId, ...f });
  const activity = (e: MetricEvent, firmId: string | null) => {
    if (firmId) add({ key: `activity:${e.id}`, kind: 'activity', at: e.at, subject: firmId, firmId, clusterId: null });
  };

  const packageCount = Number(published.payload['packageCount']);
  add({
    key: 'order.posted',
    kind: 'order.posted',
    at: published.at,
    subject: orderId,
    firmId: buyer,
    n: Number.isInteger(packageCount) ? packageCount : null,
  });
  activity(published, buyer);

  // Quotes: each counted once, at its first submission (a revision is no new quote).
  const quotes = ordered.filter((e) => e.type === 'quote.submitted' && str(e, 'quoteId') && str(e, 'leadFirmId'));
  const quoted = new Set<string>();
  const quotingFirms = new Set<string>();
  for (const q of quotes) {
    const quoteId = str(q, 'quoteId') as string;
    const lead = str(q, 'leadFirmId') as string;
    quotingFirms.add(lead);
    activity(q, lead);
    if (quoted.has(quoteId)) continue;
    quoted.add(quoteId);
    add({ key: `quote.sent:${quoteId}`, kind: 'quote.sent', at: q.at, subject: quoteId, firmId: lead });
  }
  const firstQuote = quotes.find((q) => q.at >= published.at);
  if (firstQuote) {
    add({
      key: 'order.first-quote',
      kind: 'order.first-quote',
      at: firstQuote.at,
      subject: orderId,
      firmId: buyer,
      n: Math.floor((firstQuote.at.getTime() - published.at.getTime()) / MINUTE_MS),
    });
  }

  // Awards: a package's standing award is its last award unless a cancellation came after it.
  const brokered = new Map<string, Date>();
  for (const e of ordered) {
    if ((BROKERING_MATCH_EVENTS as readonly string[]).includes(e.type)) {
      const k = `${str(e, 'packageId')}:${str(e, 'firmId')}`;
      if (!brokered.has(k)) brokered.set(k, e.at);
    }
  }
  const standing = new Map<string, MetricEvent | null>();
  for (const e of ordered) {
    const packageId = str(e, 'packageId');
    if (!packageId) continue;
    if (e.type === 'package.awarded') {
      standing.set(packageId, e);
      activity(e, buyer);
    } else if (e.type === 'package.award-cancelled') standing.set(packageId, null);
  }
  const awardedTo = new Map<string, string>();
  for (const [packageId, e] of standing) {
    const supplier = e && str(e, 'firmId');
    if (!e || !supplier) continue;
    awardedTo.set(packageId, supplier);
    const value = awardValue(e, ctx);
    const award = { at: e.at, subject: packageId, firmId: supplier, otherFirmId: buyer, ...value };
    add({ key: `award:${packageId}`, kind: 'award', ...award });
    const [from, to] = [ctx.firmCountry(supplier), ctx.firmCountry(buyer)];
    if (from && to && from !== to)
      add({ key: `award.cross-border:${packageId}`, kind: 'award.cross-border', ...award });
    if (!value.rate) add({ key: `award.unconverted:${packageId}`, kind: 'award.unconverted', ...award });
    const put = brokered.get(`${packageId}:${supplier}`);
    if (put && put <= e.at) add({ key: `award.brokered:${packageId}`, kind: 'award.brokered', ...award });
  }

  // Hand-overs: once a package, on time when done by the package's due date (as the orders lib judged it).
  const handedOver = new Set<string>();
  for (const e of ordered.filter((x) => x.type === 'package.handed-over')) {
    const packageId = str(e, 'packageId');
    const firmId = str(e, 'firmId');
    if (!packageId || !firmId) continue;
    activity(e, firmId);
    if (handedOver.has(packageId)) continue;
    handedOver.add(packageId);
    add({ key: `handover:${packageId}`, kind: 'handover', at: e.at, subject: packageId, firmId });
    if (e.payload['onTime'] === true)
      add({ key: `handover.on-time:${packageId}`, kind: 'handover.on-time', at: e.at, subject: packageId, firmId });
  }

  // The match funnel: each proposed (package, firm) once, dated by its first proposal, with the stages it reached.
  const endorsed = new Set(
    ordered.filter((e) => e.type === 'match.endorsed').map((e) => `${str(e, 'packageId')}:${str(e, 'firmId')}`),
  );
  const proposals = new Map<string, { at: Date; packageId: string; firmId: string }>();
  for (const e of ordered.filter((x) => x.type === 'match.proposed')) {
    const list = Array.isArray(e.payload['proposals']) ? (e.payload['proposals'] as Record<string, unknown>[]) : [];
    for (const p of list) {
      if (typeof p['packageId'] !== 'string' || typeof p['firmId'] !== 'string') continue;
      const k = `${p['packageId']}:${p['firmId']}`;
      if (!proposals.has(k)) proposals.set(k, { at: e.at, packageId: p['packageId'], firmId: p['firmId'] });
    }
  }
  for (const [k, p] of proposals) {
    const match = { at: p.at, subject: k, firmId: p.firmId };
    add({ key: `match.proposed:${k}`, kind: 'match.proposed', ...match });
    if (endorsed.has(k)) add({ key: `match.endorsed:${k}`, kind: 'match.endorsed', ...match });
    if (quotingFirms.has(p.firmId)) add({ key: `match.quoted:${k}`, kind: 'match.quoted', ...match });
    if (awardedTo.get(p.packageId) === p.firmId) add({ key: `match.awarded:${k}`, kind: 'match.awarded', ...match });
  }
  return facts;
}

/** The award's value as quoted, and in EUR and PLN at NBP's EUR mid rate of the award's day (Warsaw calendar). */
function awardValue(
  e: MetricEvent,
  ctx: MetricsDimensions,
): Pick<Fact, 'amountMinor' | 'currency' | 'eurMinor' | 'plnMinor' | 'rate'> {
  const amountMinor = Number(e.payload['priceMinor']);
  const currency = e.payload['currency'];
  if (!Number.isSafeInteger(amountMinor) || !isCurrency(currency)) return {};
  const rate = ctx.eurPlnRate(rateCalendarDate(e.at));
  if (!rate) {
    const own = {
      eurMinor: currency === 'EUR' ? amountMinor : null,
      plnMinor: currency === 'PLN' ? amountMinor : null,
    };
    return { amountMinor, currency, ...own, rate: null };
  }
  const decimal = parseDecimalRate(rate.rate);
  return currency === 'EUR'
    ? {
        amountMinor,
        currency,
        eurMinor: amountMinor,
        plnMinor: convertMinor(amountMinor, decimal, 'baseToQuote'),
        rate,
      }
    : {
        amountMinor,
        currency,
        plnMinor: amountMinor,
        eurMinor: convertMinor(amountMinor, decimal, 'quoteToBase'),
        rate,
      };
}
