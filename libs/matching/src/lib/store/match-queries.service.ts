import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@kooperant/platform-errors';
import type { Actor } from '@kooperant/identity';
import { OrderService, supplierVisibility } from '@kooperant/orders';
import type { ScorePart } from '../scoring/score';
import type { MatchStatus, StoredChains } from './package-match.entity';
import { MatchErrorCode } from './match.errors';

/** A match as the pipeline, the package's list and a firm's opportunities show it. */
export interface MatchView {
  id: string;
  orderId: string;
  orderTitle: string;
  orderCurrency: string;
  packageId: string;
  packageKey: string;
  packageTitle: string;
  packageDueDate: Date;
  firmId: string;
  firmCountry: string;
  buyerCountry: string;
  offerId: string;
  rank: number | null;
  score: number;
  parts: ScorePart[];
  status: MatchStatus;
  orderClusterId: string;
  handledByClusterId: string;
  quoteId: string | null;
  proposedAt: Date;
  statusChangedAt: Date | null;
  /** When the match was last proposed or acted on, to the millisecond (as the cursor holds it): the pipeline's order. */
  activityAt: Date;
}

export interface MatchPage {
  items: MatchView[];
  hasNextPage: boolean;
}

export interface PipelineFilter {
  clusterId?: string | null;
  statuses?: MatchStatus[] | null;
  orderId?: string | null;
  crossBorderOnly?: boolean | null;
}

/** Keyset position: a sort key and the match id. */
export interface MatchCursor {
  k: string;
  i: string;
}

export function encodeMatchCursor(c: MatchCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeMatchCursor(s: string): MatchCursor {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as { k?: unknown; i?: unknown };
    if (typeof v.k === 'string' && typeof v.i === 'string' && /^[0-9a-f-]{36}$/.test(v.i)) return { k: v.k, i: v.i };
  } catch {
    /* fall through */
  }
  throw DomainError.invalid('after', 'INVALID_CURSOR', 'This cursor was not issued by this list.');
}

/** SQL (match `p`): when it was last proposed or acted on, to the millisecond a cursor holds. */
const ACTIVITY = `date_trunc('milliseconds', COALESCE(p.status_changed_at, p.proposed_at))`;

/** SQL condition: matches older than an activity cursor (newest-first lists); adds its values to `params`. */
function olderThan(after: string, params: unknown[]): string {
  const c = decodeMatchCursor(after);
  if (Number.isNaN(Date.parse(c.k))) {
    throw DomainError.invalid('after', 'INVALID_CURSOR', 'This cursor was not issued by this list.');
  }
  return `(${ACTIVITY}, p.id) < ($${params.push(c.k)}::timestamptz, $${params.push(c.i)}::uuid)`;
}

const VIEW_SELECT = `
  SELECT p.id, p.order_id, o.title AS order_title, o.currency AS order_currency, p.package_id, w.key AS package_key,
         w.title AS package_title, w.due_date AS package_due_date, p.firm_id, trim(f.country) AS firm_country,
         trim(b.country) AS buyer_country, p.offer_id, p.rank, p.score, p.parts, p.status,
         o.cluster_id AS order_cluster_id, p.handled_by_cluster_id, p.quote_id, p.proposed_at, p.status_changed_at,
         ${ACTIVITY} AS activity_at
  FROM package_match p
  JOIN cooperative_order o ON o.id = p.order_id
  JOIN work_package w ON w.id = p.package_id
  JOIN firm f ON f.id = p.firm_id
  JOIN firm b ON b.id = o.buyer_firm_id`;

function toView(r: Record<string, unknown>): MatchView {
  return {
    id: r['id'] as string,
    orderId: r['order_id'] as string,
    orderTitle: r['order_title'] as string,
    orderCurrency: (r['order_currency'] as string).trim(),
    packageId: r['package_id'] as string,
    packageKey: r['package_key'] as string,
    packageTitle: r['package_title'] as string,
    packageDueDate: new Date(r['package_due_date'] as string),
    firmId: r['firm_id'] as string,
    firmCountry: r['firm_country'] as string,
    buyerCountry: r['buyer_country'] as string,
    offerId: r['offer_id'] as string,
    rank: r['rank'] as number | null,
    score: r['score'] as number,
    parts: r['parts'] as ScorePart[],
    status: r['status'] as MatchStatus,
    orderClusterId: r['order_cluster_id'] as string,
    handledByClusterId: r['handled_by_cluster_id'] as string,
    quoteId: r['quote_id'] as string | null,
    proposedAt: new Date(r['proposed_at'] as string),
    statusChangedAt: r['status_changed_at'] ? new Date(r['status_changed_at'] as string) : null,
    activityAt: new Date(r['activity_at'] as string),
  };
}

/**
 * Reading matches: one package's ranked firms (buyer and the order's coordinators), the coordinators' pipeline
 * (their cluster's orders, what was handed to them, introductions waiting for them), a firm's opportunities
 * (packages of orders it may see that its offers fit), and an order's chain proposals.
 */
@Injectable()
export class MatchQueriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: OrderService,
  ) {}

  async byIds(ids: string[]): Promise<Map<string, MatchView>> {
    if (!ids.length) return new Map();
    const rows: Record<string, unknown>[] = await this.db.query(`${VIEW_SELECT} WHERE p.id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r['id'] as string, toView(r)]));
  }

  /** One package's matches, best first; for the buyer, the order's coordinators and admins. */
  async forPackage(actor: Actor, packageId: string, first: number, after?: string): Promise<MatchPage> {
    const [pkg] = await this.db.query(`SELECT order_id FROM work_package WHERE id = $1`, [packageId]);
    if (!pkg) throw DomainError.notFound('Work package', MatchErrorCode.WORK_PACKAGE_NOT_FOUND);
    await this.requireMatchReader(actor, pkg.order_id, MatchErrorCode.WORK_PACKAGE_NOT_FOUND);
    const params: unknown[] = [packageId, first + 1];
    // Ranked first by rank, then those no longer ranked (decided earlier) by id; the key sorts as text.
    const key = `lpad(COALESCE(p.rank, 999999)::text, 6, '0')`;
    let where = `p.package_id = $1`;
    if (after) {
      const c = decodeMatchCursor(after);
      where += ` AND (${key}, p.id) > ($${params.push(c.k)}, $${params.push(c.i)}::uuid)`;
    }
    const rows: Record<string, unknown>[] = await this.db.query(
      `${VIEW_SELECT} WHERE ${where} ORDER BY ${key}, p.id LIMIT $2`,
      params,
    );
    return { items: rows.slice(0, first).map(toView), hasNextPage: rows.length > first };
  }

  /** Cursor of a match in `forPackage`. */
  packageCursor(m: MatchView): string {
    return encodeMatchCursor({ k: String(m.rank ?? 999999).padStart(6, '0'), i: m.id });
  }

  /** Cursor of a match in the pipeline and the opportunities: newest activity first. */
  activityCursor(m: MatchView): string {
    return encodeMatchCursor({ k: m.activityAt.toISOString(), i: m.id });
  }

  /**
   * The coordinators' shared pipeline: matches of their clusters' orders, matches handed to their clusters, and
   * introductions of their clusters' firms that wait for their approval. Newest activity first.
   */
  async pipeline(actor: Actor, filter: PipelineFilter, first: number, after?: string): Promise<MatchPage> {
    const roles = await actor.roles();
    let clusters: string[] | null = [...roles.coordinatorOf];
    if (filter.clusterId) {
      if (!roles.platformAdmin && !roles.coordinatorOf.has(filter.clusterId))
        throw DomainError.forbidden("Only the cluster's coordinators see its pipeline.");
      clusters = [filter.clusterId];
    } else if (roles.platformAdmin) clusters = null;
    if (clusters && !clusters.length) throw DomainError.forbidden('The pipeline is for cluster coordinators.');
    const params: unknown[] = [first + 1];
    const where: string[] = [];
    if (clusters) {
      const c = `$${params.push(clusters)}::uuid[]`;
      where.push(`(o.cluster_id = ANY(${c}) OR p.handled_by_cluster_id = ANY(${c}) OR (p.status = 'awaiting_approval'
        AND EXISTS (SELECT 1 FROM cluster_membership cm WHERE cm.firm_id = p.firm_id AND cm.status = 'verified'
                    AND cm.cluster_id = ANY(${c}))))`);
    }
    if (filter.statuses?.length) where.push(`p.status = ANY($${params.push(filter.statuses)}::text[])`);
    if (filter.orderId) where.push(`p.order_id = $${params.push(filter.orderId)}`);
    if (filter.crossBorderOnly) where.push(`f.country <> b.country`);
    if (after) where.push(olderThan(after, params));
    const rows: Record<string, unknown>[] = await this.db.query(
      `${VIEW_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${ACTIVITY} DESC, p.id DESC LIMIT $1`,
      params,
    );
    return { items: rows.slice(0, first).map(toView), hasNextPage: rows.length > first };
  }

  /**
   * Open packages a firm's offers fit, proposed by the matching jobs, in orders the firm may see (by visibility or
   * invitation); dismissed and declined ones left out. For the firm's members.
   */
  async opportunities(actor: Actor, firmId: string | null, first: number, after?: string): Promise<MatchPage> {
    const roles = await actor.roles();
    if (firmId && !roles.firms.has(firmId)) throw DomainError.notFound('Firm', 'FIRM_NOT_FOUND');
    const firms = firmId ? [firmId] : [...roles.firms.keys()];
    if (!firms.length) return { items: [], hasNextPage: false };
    const params: unknown[] = [firms, first + 1];
    let where = `p.firm_id = ANY($1::uuid[]) AND o.status = 'open' AND w.status = 'open' AND o.quote_deadline > now()
      AND p.status NOT IN ('dismissed', 'declined') AND ${supplierVisibility('$1')}`;
    if (after) where += ` AND ${olderThan(after, params)}`;
    const rows: Record<string, unknown>[] = await this.db.query(
      `${VIEW_SELECT} WHERE ${where} ORDER BY ${ACTIVITY} DESC, p.id DESC LIMIT $2`,
      params,
    );
    return { items: rows.slice(0, first).map(toView), hasNextPage: rows.length > first };
  }

  /** The chains proposed at the order's last matching, for the buyer and the order's coordinators. */
  async chainProposals(
    actor: Actor,
    orderId: string,
  ): Promise<{ orderId: string; currency: string; computedAt: Date | null; result: StoredChains | null }> {
    const view = await this.requireMatchReader(actor, orderId, 'ORDER_NOT_FOUND');
    const [run] = await this.db.query(`SELECT computed_at, chains FROM order_match_run WHERE order_id = $1`, [orderId]);
    return {
      orderId,
      currency: view.order.currency.trim(),
      computedAt: run ? new Date(run.computed_at) : null,
      result: run?.chains ?? null,
    };
  }

  /** The buyer, the order's cluster coordinators and admins read matches; proposed suppliers are told no. */
  private async requireMatchReader(actor: Actor, orderId: string, notFoundCode: string) {
    const view = await this.orders.getOrder(actor, orderId).catch((e: unknown) => {
      if (e instanceof DomainError && notFoundCode !== 'ORDER_NOT_FOUND')
        throw DomainError.notFound('Work package', notFoundCode);
      throw e;
    });
    if (!this.orders.seesAllQuotes(await actor.roles(), view.order)) {
      throw DomainError.forbidden('Only the buyer and the coordinators of the order see its matches.');
    }
    return view;
  }
}
