/** A domain event as the KPIs read it: the outbox row's id, type, time and payload. */
export interface MetricEvent {
  /** The outbox id: the same event replayed has the same id. */
  id: string;
  type: string;
  /** When the change was committed (the outbox row's `created_at`), UTC. */
  at: Date;
  payload: Record<string, unknown>;
}

/** Coordinator actions on a match that count as brokering: the firm was put forward for the package. */
export const BROKERING_MATCH_EVENTS = [
  'match.endorsed',
  'match.invited',
  'match.introduction-requested',
  'match.introduction-approved',
] as const;

/** Every event type a KPI reads, grouped by the partition its facts are derived in. */
export const ORDER_EVENTS = [
  'order.published',
  'quote.submitted',
  'package.awarded',
  'package.award-cancelled',
  'package.handed-over',
  'match.proposed',
  ...BROKERING_MATCH_EVENTS,
] as const;
export const OFFER_EVENTS = ['offer.published', 'offer.updated'] as const;
export const FIRM_EVENTS = ['firm.verified'] as const;
export const METRIC_EVENT_TYPES: readonly string[] = [...ORDER_EVENTS, ...OFFER_EVENTS, ...FIRM_EVENTS];

/**
 * The partition an event's facts are derived in: every fact comes from the events of one partition (an order with
 * its quotes, awards, hand-overs and matches; an offer; a firm's memberships), so a late or replayed event only
 * re-derives its own partition. Pairs of firms (`pair:<a>:<b>`) are derived from the awards of many orders.
 */
export function partitionOf(type: string, payload: Record<string, unknown>): string | null {
  const id = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : null);
  if ((ORDER_EVENTS as readonly string[]).includes(type)) return id('orderId') && `order:${id('orderId')}`;
  if ((OFFER_EVENTS as readonly string[]).includes(type)) return id('offerId') && `offer:${id('offerId')}`;
  if ((FIRM_EVENTS as readonly string[]).includes(type)) return id('firmId') && `firm:${id('firmId')}`;
  return null;
}

/** The partition of the awards between two firms, whichever of them bought. */
export function pairPartition(firmA: string, firmB: string): string {
  return firmA < firmB ? `pair:${firmA}:${firmB}` : `pair:${firmB}:${firmA}`;
}

/** Events in a fixed order (time, then id), so that derivation never depends on the order they arrived in. */
export function inEventOrder(events: readonly MetricEvent[]): MetricEvent[] {
  return [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
