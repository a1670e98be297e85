import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Locale } from '@kooperant/platform-i18n';
import type { Actor } from '@kooperant/identity';
import { KPI_DEFINITIONS } from '../kpi-definitions';
import type { Figure } from '../core/figures';
import { periodWindow } from '../core/periods';
import {
  clusterReportKpis,
  seriesMonths,
  type ClusterReportData,
  type ReportCluster,
} from '../reports/cluster-report-data';
import { figureLookup, grainField, kpiIds, periodsBetween, seriesOf, storedFigures, type SeriesOf } from './kpi-series';
import { MetricsAccessService } from './metrics-access.service';

export { MAX_PERIODS } from './kpi-series';

/**
 * The award facts `f` that count for cluster $1 in period $2, made within the UTC window $3…$4 (`periodWindow`, which
 * holds the period). An order's facts name their cluster and count for no other, so the cluster's awards of that
 * window are taken first (index by cluster, kind and time), and each is then looked up among the period's cells,
 * rather than every fact of the period joined to the awards, or every award of the cluster's history.
 */
const CLUSTER_AWARDS_IN_PERIOD = `f.cluster_id = $1 AND f.kind = 'award' AND f.at >= $3 AND f.at < $4
  AND EXISTS (SELECT 1 FROM metrics_fact_cell c WHERE c.scope_type = 'cluster' AND c.scope_id = $1 AND c.period = $2
                AND c.partition = f.partition AND c.key = f.key)`;

export interface CooperatingPair {
  firms: { id: string; name: string; country: string }[];
  awards: number;
  /** Their awards' value in EUR cents (those converted); null when none had a rate. */
  valueEurMinor: number | null;
  crossBorder: boolean;
}

/** One KPI of a cluster over periods, with its partner's beside it. */
export type KpiSeries = SeriesOf<{ period: string; cluster: number | null; partner: number | null }>;

export interface ClusterFigures {
  cluster: ReportCluster;
  partner: ReportCluster | null;
  periods: string[];
  /** The figures of the cluster and its partner in those periods (only cells with facts have figures). */
  figures: Figure[];
}

/**
 * Reads the cooperation KPIs from the roll-up, for the people allowed to (MetricsAccessService): a cluster's figures to
 * the coordinators of that cluster and of its partner, a firm's benefit statement to its members and to the
 * coordinators of the clusters it is a verified member of; everything to platform admins.
 */
@Injectable()
export class MetricsQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MetricsAccessService,
  ) {}

  /** The periods from `from` to `to` (same grain, both included), oldest first. */
  static periodsBetween(from: string, to: string): string[] {
    return periodsBetween(from, to);
  }

  /** A cluster's and its partner's figures for some KPIs (all when none given) over some periods. */
  async clusterFigures(
    actor: Actor,
    clusterId: string,
    periods: string[],
    kpis?: string[] | null,
  ): Promise<ClusterFigures> {
    kpiIds(kpis);
    const { cluster, partner } = await this.access.readableCluster(actor, clusterId);
    const scopes = [cluster.id, ...(partner ? [partner.id] : [])];
    return { cluster, partner, periods, figures: await storedFigures(this.db, 'cluster', scopes, periods, kpis) };
  }

  /**
   * The pairs of firms that cooperated most through the platform in a cluster's period: awards between them (either
   * way), their value in EUR (awards without a rate counted, without value), whether they are across the border.
   */
  async topPairs(actor: Actor, clusterId: string, period: string, first: number): Promise<CooperatingPair[]> {
    grainField(period, 'period');
    await this.access.readableCluster(actor, clusterId);
    const window = periodWindow(period);
    // From the cluster's awards to their cells, not from the cell (every fact of the cluster's period: 1.5 million
    // rows for a year of 5,000 firms) to the awards; the firms' names only for the pairs returned.
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT x.a, x.b, x.awards, x.eur_minor, fa.name AS a_name, fb.name AS b_name, fa.country AS a_country,
              fb.country AS b_country
       FROM (
         SELECT LEAST(f.firm_id, f.other_firm_id) AS a, GREATEST(f.firm_id, f.other_firm_id) AS b,
                count(*)::int AS awards, sum(f.eur_minor)::bigint AS eur_minor
         FROM metrics_fact f
         WHERE ${CLUSTER_AWARDS_IN_PERIOD} AND f.other_firm_id IS NOT NULL
         GROUP BY 1, 2
         ORDER BY awards DESC, eur_minor DESC NULLS LAST, a, b
         LIMIT $5) x
       JOIN firm fa ON fa.id = x.a JOIN firm fb ON fb.id = x.b
       ORDER BY x.awards DESC, x.eur_minor DESC NULLS LAST, x.a, x.b`,
      [clusterId, period, window.from, window.to, first],
    );
    return rows.map((r) => ({
      firms: [
        { id: r['a'] as string, name: r['a_name'] as string, country: String(r['a_country']).trim() },
        { id: r['b'] as string, name: r['b_name'] as string, country: String(r['b_country']).trim() },
      ],
      awards: r['awards'] as number,
      valueEurMinor: r['eur_minor'] === null ? null : Number(r['eur_minor']),
      crossBorder: String(r['a_country']).trim() !== String(r['b_country']).trim(),
    }));
  }

  /** A cluster's KPIs (all when none given) from one period to another, each beside its partner's. */
  async clusterSeries(
    actor: Actor,
    clusterId: string,
    from: string,
    to: string,
    kpis?: string[] | null,
  ): Promise<{ partnerClusterId: string | null; periods: string[]; series: KpiSeries[] }> {
    const periods = periodsBetween(from, to);
    const data = await this.clusterFigures(actor, clusterId, periods, kpis);
    const value = figureLookup(data.figures);
    return {
      partnerClusterId: data.partner?.id ?? null,
      periods,
      series: seriesOf(kpiIds(kpis), periods, (kpi, period) => ({
        period,
        cluster: value(kpi, period, clusterId),
        partner: value(kpi, period, data.partner?.id),
      })),
    };
  }

  /** The rows of a KPI table export: every figure of the cluster and its partner, named in `locale`, in order. */
  async clusterTable(actor: Actor, clusterId: string, from: string, to: string, locale: Locale) {
    const periods = periodsBetween(from, to);
    const data = await this.clusterFigures(actor, clusterId, periods);
    const names = new Map(
      [data.cluster, data.partner].filter((c) => !!c).map((c) => [c.id, c.name[locale] ?? c.name.en ?? '']),
    );
    const rows = data.figures
      .map((f) => ({ ...f, scopeName: names.get(f.scopeId) }))
      .sort((a, b) => (a.scopeId + a.period + a.kpi < b.scopeId + b.period + b.kpi ? -1 : 1));
    return { periods, rows };
  }

  /** A firm's benefit statement: every KPI of its own in one period (null where it has no figure). */
  async firmStatement(
    actor: Actor,
    firmId: string,
    period: string,
  ): Promise<{ kpi: string; unit: string; value: number | null }[]> {
    const byKpi = new Map((await this.firmFigures(actor, firmId, period)).map((f) => [f.kpi, f.value]));
    return KPI_DEFINITIONS.map((k) => ({ kpi: k.id, unit: k.unit, value: byKpi.get(k.id) ?? null }));
  }

  /** A firm's own figures in one period: its benefit statement. */
  async firmFigures(actor: Actor, firmId: string, period: string): Promise<Figure[]> {
    grainField(period, 'period');
    await this.access.readableFirm(actor, firmId);
    return storedFigures(this.db, 'firm', [firmId], [period]);
  }

  /**
   * What the periodic report of a cluster needs, read from the roll-up: the period's figures and the 12 months up to
   * its end, for the cluster and its partner, and the first and last day of the exchange rates the awards used.
   */
  async clusterReport(actor: Actor, clusterId: string, period: string, now = new Date()): Promise<ClusterReportData> {
    grainField(period, 'period');
    const series = seriesMonths(period);
    const data = await this.clusterFigures(actor, clusterId, [...new Set([period, ...series])]);
    const window = periodWindow(period);
    // Only awards carry a rate (their cross-border and brokered facts repeat the award's): the awards are enough.
    const [rates] = await this.db.query(
      `SELECT min(f.rate_date) AS first, max(f.rate_date) AS last, min(f.rate_source) AS source
       FROM metrics_fact f WHERE ${CLUSTER_AWARDS_IN_PERIOD} AND f.rate_date IS NOT NULL`,
      [clusterId, period, window.from, window.to],
    );
    return {
      cluster: data.cluster,
      partner: data.partner,
      period,
      series,
      kpis: clusterReportKpis(data.figures, { clusterId, partnerId: data.partner?.id ?? null, periods: data.periods }),
      rates: { source: rates?.source ?? 'NBP', firstRateDate: rates?.first ?? null, lastRateDate: rates?.last ?? null },
      generatedAt: now.toISOString(),
    };
  }
}
