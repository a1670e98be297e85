import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@kooperant/platform-errors';
import type { Locale } from '@kooperant/platform-i18n';
import { pageInfo, type Actor } from '@kooperant/identity';
import type { StatedRate } from '../core/fact';
import { COUNTRY_ZONE } from '../core/periods';
import { partitionOrderSql, subjectUuidSql } from './fact-sql';
import { figureLookup, kpiIds, localBounds, periodsBetween, seriesOf, storedFigures, titled } from './kpi-series';
import { MetricsAccessService, type MetricsFirm } from './metrics-access.service';

/** What a firm did, or had done with it, as its activity feed tells it. */
export type FirmActivityKind =
  | 'offer_published'
  | 'offer_refreshed'
  | 'order_published'
  | 'quote_sent'
  | 'package_awarded_to_firm'
  | 'package_awarded_by_firm'
  | 'handed_over_on_time'
  | 'handed_over_late'
  | 'new_cross_border_partner';

/** One cooperation event of a firm, read from its KPI facts. */
export interface FirmActivityEvent {
  kind: FirmActivityKind;
  at: Date;
  offerId: string | null;
  orderId: string | null;
  quoteId: string | null;
  workPackageId: string | null;
  /** The offer's, order's or work package's title (in the language it was written in). */
  title: string | null;
  orderTitle: string | null;
  /** An order's number of work packages. */
  packageCount: number | null;
  /** An award's value as awarded, and in EUR and PLN at the stated rate (null when no rate was known). */
  value: {
    amountMinor: number;
    currency: string;
    eurMinor: number | null;
    plnMinor: number | null;
    rate: StatedRate | null;
  } | null;
  /** The other firm of an award (the buyer, or the supplier of the firm's own order) or of a new PL–LT pair. */
  otherFirm: MetricsFirm | null;
}

export interface FirmActivity {
  firm: MetricsFirm;
  periods: string[];
  kpis: { kpi: string; title: string; unit: string; points: { period: string; value: number | null }[] }[];
}

export interface FirmActivityPage {
  edges: { cursor: string; node: FirmActivityEvent }[];
  pageInfo: ReturnType<typeof pageInfo>;
}

/** The fact kinds that make the feed of the firm they count for; the rest (activity, funnel, …) tell nothing new. */
const FEED_KINDS = ['offer.published', 'offer.current', 'order.posted', 'quote.sent', 'award', 'handover', 'pair.new'];

/**
 * The feed, newest first, keyset-paged by (at, partition, key): the facts that count for the firm in the periods (its
 * own, and new pairs it is one of) from their cells, and the awards of its own orders to other firms (they count for
 * the supplier only) by time on the firm's calendar, found through its orders' `order.posted` facts (metrics_fact_kind_idx)
 * and the awards' partitions. An offer's refresh that was its publication shows once, as published.
 * $1 firm, $2 periods, $3 feed kinds, $4/$5 local bounds, $6 zone, $7–$9 cursor, $10 limit.
 */
const FEED_SQL = `
  WITH own AS (
    SELECT f.* FROM metrics_fact_cell c JOIN metrics_fact f ON f.partition = c.partition AND f.key = c.key
    WHERE c.scope_type = 'firm' AND c.scope_id = $1 AND c.period = ANY($2::text[]) AND f.kind = ANY($3::text[])
  ), bought AS (
    SELECT f.* FROM metrics_fact f
    WHERE f.kind = 'award' AND f.other_firm_id = $1 AND f.firm_id <> $1
      AND f.at >= ($4::timestamp AT TIME ZONE $6) AND f.at < ($5::timestamp AT TIME ZONE $6)
      AND f.partition IN (SELECT p.partition FROM metrics_fact p WHERE p.kind = 'order.posted' AND p.firm_id = $1)
  ), page AS (
    SELECT e.*, ${subjectUuidSql('e')} AS subject_id, ${partitionOrderSql('e')} AS order_id,
           CASE WHEN e.kind IN ('award', 'pair.new') THEN
             CASE WHEN e.firm_id = $1 THEN e.other_firm_id ELSE e.firm_id END END AS other_id,
           e.kind = 'handover' AND EXISTS (SELECT 1 FROM metrics_fact o WHERE o.partition = e.partition
             AND o.kind = 'handover.on-time' AND o.subject = e.subject) AS on_time
    FROM (SELECT * FROM own UNION ALL SELECT * FROM bought) e
    WHERE NOT (e.kind = 'offer.current' AND EXISTS (SELECT 1 FROM metrics_fact p WHERE p.partition = e.partition
               AND p.kind = 'offer.published' AND p.subject = e.subject AND p.at = e.at))
      AND ($7::timestamptz IS NULL OR (e.at, e.partition, e.key) < ($7::timestamptz, $8::text, $9::text))
    ORDER BY e.at DESC, e.partition DESC, e.key DESC
    LIMIT $10
  ), ids AS (
    SELECT page.*,
           CASE WHEN page.kind IN ('offer.published', 'offer.current') THEN page.subject_id END AS offer_id,
           CASE WHEN page.kind = 'quote.sent' THEN page.subject_id END AS quote_id,
           CASE WHEN page.kind IN ('award', 'handover') THEN page.subject_id END AS package_id
    FROM page
  )
  SELECT e.partition, e.key, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_text, e.kind,
         e.firm_id = $1 AS own, e.on_time, e.offer_id, e.order_id, e.quote_id, e.package_id,
         coalesce(offer.title, wp.title, co.title) AS title, co.title AS order_title,
         CASE WHEN e.kind = 'order.posted' THEN e.n END AS package_count,
         CASE WHEN e.kind = 'award' AND e.amount_minor IS NOT NULL THEN json_build_object(
           'amountMinor', e.amount_minor, 'currency', trim(e.currency), 'eurMinor', e.eur_minor, 'plnMinor', e.pln_minor,
           'rate', CASE WHEN e.rate IS NOT NULL THEN
             json_build_object('rate', e.rate, 'source', e.rate_source, 'date', e.rate_date) END) END AS value,
         CASE WHEN other.id IS NOT NULL THEN
           json_build_object('id', other.id, 'name', other.name, 'country', trim(other.country)) END AS other_firm
  FROM ids e
  LEFT JOIN firm other ON other.id = e.other_id
  LEFT JOIN cooperative_order co ON co.id = e.order_id
  LEFT JOIN offer ON offer.id = e.offer_id
  LEFT JOIN work_package wp ON wp.id = e.package_id
  ORDER BY e.at DESC, e.partition DESC, e.key DESC`;

interface FeedRow {
  partition: string;
  key: string;
  at_text: string;
  kind: string;
  /** The fact is the firm's own (not an award of its order to another firm, or a pair another firm began). */
  own: boolean;
  on_time: boolean;
  offer_id: string | null;
  order_id: string | null;
  quote_id: string | null;
  package_id: string | null;
  title: string | null;
  order_title: string | null;
  package_count: number | null;
  value: FirmActivityEvent['value'];
  other_firm: MetricsFirm | null;
}

interface FeedCursor {
  at: string;
  partition: string;
  key: string;
}

/**
 * A firm's activity for the people who follow it: its KPI series, and its cooperation events (offers, orders, quotes,
 * awards either way, hand-overs, new cross-border partners) read from the KPI facts. For its members, the coordinators
 * of the clusters it is a verified member of and of their partner clusters, and platform admins.
 */
@Injectable()
export class FirmActivityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MetricsAccessService,
  ) {}

  /** The firm's KPIs (all when none given) per period from `from` to `to`, titled in `locale`. */
  async firmActivity(
    actor: Actor,
    firmId: string,
    from: string,
    to: string,
    kpis: string[] | null | undefined,
    locale: Locale,
  ): Promise<FirmActivity> {
    const periods = periodsBetween(from, to);
    const ids = kpiIds(kpis);
    const firm = await this.access.readableFirm(actor, firmId, { partnerCoordinators: true });
    const value = figureLookup(await storedFigures(this.db, 'firm', [firm.id], periods, kpis));
    const series = seriesOf(ids, periods, (kpi, period) => ({ period, value: value(kpi, period, firm.id) }));
    return { firm, periods, kpis: titled(series, locale) };
  }

  /** The firm's cooperation events from `from` to `to` (on its calendar), newest first: `first` after the cursor. */
  async events(
    actor: Actor,
    firmId: string,
    from: string,
    to: string,
    page: { first: number; after?: string | null },
  ): Promise<FirmActivityPage> {
    const periods = periodsBetween(from, to);
    const after = page.after ? decodeCursor(page.after) : null;
    const firm = await this.access.readableFirm(actor, firmId, { partnerCoordinators: true });
    const { start, end } = localBounds(periods);
    const rows: FeedRow[] = await this.db.query(FEED_SQL, [
      firm.id,
      periods,
      FEED_KINDS,
      start,
      end,
      COUNTRY_ZONE[firm.country],
      after?.at ?? null,
      after?.partition ?? null,
      after?.key ?? null,
      page.first + 1,
    ]);
    const edges = rows.slice(0, page.first).map((r) => ({
      cursor: encodeCursor({ at: r.at_text, partition: r.partition, key: r.key }),
      node: eventOf(r),
    }));
    return {
      edges,
      pageInfo: pageInfo(
        edges.map((e) => e.cursor),
        rows.length > page.first,
        !!after,
      ),
    };
  }
}

function eventOf(r: FeedRow): FirmActivityEvent {
  return {
    kind: kindOf(r),
    at: new Date(r.at_text),
    offerId: r.offer_id,
    orderId: r.order_id,
    quoteId: r.quote_id,
    workPackageId: r.package_id,
    title: r.title,
    orderTitle: r.order_title,
    packageCount: r.package_count,
    value: r.value,
    otherFirm: r.other_firm,
  };
}

function kindOf(r: FeedRow): FirmActivityKind {
  switch (r.kind) {
    case 'offer.published':
      return 'offer_published';
    case 'offer.current':
      return 'offer_refreshed';
    case 'order.posted':
      return 'order_published';
    case 'quote.sent':
      return 'quote_sent';
    case 'award':
      return r.own ? 'package_awarded_to_firm' : 'package_awarded_by_firm';
    case 'handover':
      return r.on_time ? 'handed_over_on_time' : 'handed_over_late';
    case 'pair.new':
      return 'new_cross_border_partner';
    default:
      throw new Error(`no feed event for a fact of kind ${r.kind}`);
  }
}

function encodeCursor(c: FeedCursor): string {
  return Buffer.from(JSON.stringify([c.at, c.partition, c.key])).toString('base64url');
}

/** Reads a cursor of encodeCursor; anything else is VALIDATION_FAILED on `after`. */
function decodeCursor(s: string): FeedCursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'string') && !Number.isNaN(Date.parse(v[0])))
      return { at: v[0], partition: v[1], key: v[2] };
  } catch {
    /* fall through */
  }
  throw DomainError.invalid('after', 'INVALID_CURSOR', 'This cursor was not issued by this list.');
}
