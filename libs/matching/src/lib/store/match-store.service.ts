import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { recordEvent } from '@kooperant/platform-database';
import { DomainError } from '@kooperant/platform-errors';
import type { Actor } from '@kooperant/identity';
import { OrderService } from '@kooperant/orders';
import type { ScorePart } from '../scoring/score';
import type { MatchStatus, StoredChains } from './package-match.entity';
import { proposeChains, type ChainSearchResult } from '../chain/chain-search';
import { PackageRankingService } from '../ranking/package-ranking.service';
import { CandidateRetrievalService } from '../retrieval/candidate-retrieval.service';

export interface StoredMatch {
  id: string;
  firmId: string;
  offerId: string;
  rank: number | null;
  score: number;
  parts: ScorePart[];
  status: MatchStatus;
}

export interface OrderMatches {
  orderId: string;
  /** When the matches were last computed; null before the first computation. */
  computedAt: Date | null;
  packages: { packageId: string; key: string; matches: StoredMatch[] }[];
}

/** A `package_match` row as the queries select it. */
interface MatchRow {
  id: string;
  package_id: string;
  firm_id: string;
  offer_id: string;
  rank: number | null;
  score: number;
  parts: ScorePart[];
  status: MatchStatus;
}

const toStoredMatch = (r: MatchRow): StoredMatch => ({
  id: r.id,
  firmId: r.firm_id,
  offerId: r.offer_id,
  rank: r.rank,
  score: r.score,
  parts: r.parts,
  status: r.status,
});

/** Chain proposals in the form stored with the order's match run. */
export function storedChains(r: ChainSearchResult): StoredChains {
  return {
    chains: r.chains.map((c) => ({
      steps: c.steps.map((s) => ({
        packageId: s.packageId,
        key: s.key,
        firmId: s.candidate.firmId,
        offerId: s.candidate.offerId,
        country: s.candidate.firmCountry,
      })),
      totalPriceMinor: c.totalPriceMinor,
      priceEstimated: c.priceEstimated,
      completion: c.completion.toISOString(),
      transportKm: c.transportKm,
      borderCrossings: c.borderCrossings,
      countries: c.countries,
      cost: c.cost,
    })),
    noChain: r.noChain ? { ...r.noChain, reasons: { ...r.noChain.reasons } as Record<string, number> } : null,
  };
}

export interface RefreshResult {
  /** Matches stored (new or updated) at this computation. */
  stored: number;
  /** Firms proposed for a package for the first time. */
  proposedFirst: number;
  /** Proposals withdrawn because the firm no longer qualifies (decided ones are kept, unranked). */
  dropped: number;
  /** Why nothing was computed: the order is no longer open, or gone. */
  skipped?: string;
}

/**
 * Keeps `package_match` in step with the ranking of an order's packages. One transaction per order, serialised by an
 * advisory lock so that two workers refreshing the same order cannot interleave; a coordinator's decision on a match
 * survives every recomputation. One `match.proposed` event lists the firms proposed for a package for the first time
 * (one event per computation, not per firm: a first computation proposes a hundred firms or so).
 */
@Injectable()
export class MatchStoreService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ranking: PackageRankingService,
    private readonly retrieval: CandidateRetrievalService,
    private readonly orders: OrderService,
  ) {}

  /**
   * The stored matches of an order, per package, best first (decided matches that no longer qualify last). For the
   * buyer, the coordinators of the order's cluster and admins; a supplier never sees whom else was proposed.
   */
  async matchesOf(actor: Actor, orderId: string): Promise<OrderMatches> {
    const view = await this.orders.getOrder(actor, orderId);
    if (!this.orders.seesAllQuotes(await actor.roles(), view.order)) {
      throw DomainError.forbidden('Only the buyer and the coordinators of the order see its matches.');
    }
    const rows: MatchRow[] = await this.db.query(
      `SELECT id, package_id, firm_id, offer_id, rank, score, parts, status FROM package_match
       WHERE order_id = $1 ORDER BY package_id, rank NULLS LAST, score DESC, id`,
      [orderId],
    );
    const [run] = await this.db.query(`SELECT computed_at FROM order_match_run WHERE order_id = $1`, [orderId]);
    return {
      orderId,
      computedAt: run ? new Date(run.computed_at) : null,
      packages: view.packages.map((p) => ({
        packageId: p.id,
        key: p.key,
        matches: rows.filter((r) => r.package_id === p.id).map(toStoredMatch),
      })),
    };
  }

  /**
   * Open orders never matched, or changed since they were: a safety net behind the event-driven jobs (which also
   * follow offer changes), least recently computed first.
   */
  async staleOrders(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT o.id FROM cooperative_order o
       LEFT JOIN order_match_run r ON r.order_id = o.id
       WHERE o.status = 'open' AND (r.computed_at IS NULL OR r.computed_at < o.updated_at)
       ORDER BY r.computed_at NULLS FIRST, o.id
       LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Ranks the packages of an open order and proposes chains, then stores both: new proposals inserted, current ones
   * updated, those the ranking no longer holds withdrawn (matches a person acted on stay, unranked). Idempotent; an
   * order no longer open (or gone) is left as it is, and the result says why.
   */
  async refreshOrder(orderId: string, now = new Date()): Promise<RefreshResult> {
    const order = await this.retrieval.loadOrder(orderId);
    if (order?.status !== 'open') {
      return { stored: 0, proposedFirst: 0, dropped: 0, skipped: order ? `order ${order.status}` : 'order gone' };
    }
    const ranking = await this.ranking.rankOrderWithChain(order, { now });
    // The chain search takes each package's ranked firms (already past the hard constraints and scored); a package
    // without any gets every offer considered, so that the search can say why none fits.
    const forChains = new Map(
      ranking.packages.map((p) => [
        p.packageId,
        p.matches.length ? p.matches.map((m) => m.candidate) : (ranking.candidates.get(p.packageId) ?? []),
      ]),
    );
    const chains = storedChains(proposeChains(ranking.chain, forChains, now));
    // Every match of the run as one JSON parameter (one parse in PostgreSQL, no array escaping here).
    const rows = JSON.stringify(
      ranking.packages.flatMap((p) =>
        p.matches.map((m, i) => ({
          package_id: p.packageId,
          firm_id: m.candidate.firmId,
          offer_id: m.candidate.offerId,
          rank: i + 1,
          score: m.score.total,
          parts: m.score.parts,
        })),
      ),
    );
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('package_match'), hashtext($1))`, [orderId]);
      // One statement: new proposals inserted and current ones updated; what the ranking no longer holds withdrawn
      // (proposals go, decided matches stay without a rank); the run recorded. The parts touch different rows.
      const [result] = await m.query(
        `WITH r AS (
           SELECT * FROM ROWS FROM (
             jsonb_to_recordset($2::jsonb) AS (package_id uuid, firm_id uuid, offer_id uuid, rank int, score float8,
                                               parts jsonb)
           ) WITH ORDINALITY AS r(package_id, firm_id, offer_id, rank, score, parts, n)
         ), up AS (
           INSERT INTO package_match (order_id, package_id, firm_id, offer_id, rank, score, parts, computed_at,
                                      handled_by_cluster_id)
           SELECT $1, r.package_id, r.firm_id, r.offer_id, r.rank, r.score, r.parts, $3, $4 FROM r ORDER BY r.n
           ON CONFLICT ON CONSTRAINT package_match_package_firm_key DO UPDATE
             SET offer_id = excluded.offer_id, rank = excluded.rank, score = excluded.score,
                 parts = excluded.parts, computed_at = excluded.computed_at
           RETURNING package_id, firm_id, (xmax = 0) AS inserted
         ), gone AS (
           SELECT id, status FROM package_match
           WHERE order_id = $1 AND (package_id, firm_id) NOT IN (SELECT package_id, firm_id FROM r)
         ), del AS (
           DELETE FROM package_match p USING gone g WHERE p.id = g.id AND g.status = 'proposed' RETURNING p.id
         ), unranked AS (
           UPDATE package_match p SET rank = NULL FROM gone g WHERE p.id = g.id AND g.status <> 'proposed' RETURNING p.id
         ), run AS (
           INSERT INTO order_match_run (order_id, computed_at, matches, chains)
           VALUES ($1, $3, (SELECT count(*) FROM up), $5)
           ON CONFLICT (order_id) DO UPDATE
             SET computed_at = excluded.computed_at, matches = excluded.matches, chains = excluded.chains
         )
         SELECT (SELECT count(*) FROM up)::int AS stored, (SELECT count(*) FROM del)::int AS dropped,
                (SELECT count(*) FROM unranked)::int AS unranked,
                coalesce((SELECT json_agg(json_build_object('packageId', r.package_id, 'firmId', r.firm_id,
                                                            'rank', r.rank) ORDER BY r.n)
                          FROM up JOIN r ON r.package_id = up.package_id AND r.firm_id = up.firm_id
                          WHERE up.inserted), '[]') AS fresh`,
        [orderId, rows, now, ranking.clusterId, JSON.stringify(chains)],
      );
      const fresh = result.fresh as { packageId: string; firmId: string; rank: number }[];
      if (fresh.length) {
        await recordEvent(m, {
          type: 'match.proposed',
          aggregateType: 'order',
          aggregateId: orderId,
          payload: { orderId, proposals: fresh },
        });
      }
      return { stored: result.stored as number, proposedFirst: fresh.length, dropped: result.dropped as number };
    });
  }
}
