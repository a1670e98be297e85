import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@kooperant/platform-errors';
import type { Locale, LocalizedText } from '@kooperant/platform-i18n';
import type { Actor, ActorRoles } from '@kooperant/identity';
import { KPI_DEFINITIONS } from '../kpi-definitions';
import type { Figure } from '../core/figures';
import { grainOf, type MetricsCountry, type PeriodGrain } from '../core/periods';
import {
  clusterReportKpis,
  seriesMonths,
  type ClusterReportData,
  type ReportCluster,
} from '../reports/cluster-report-data';

/** At most this many periods in one series (five years of months). */
export const MAX_PERIODS = 60;

/**
 * The award facts `f` that count for cluster $1 in period $2. An order's facts name its cluster and count for no
 * other, so the cluster's awards are taken first, and each is then looked up among the period's cells (an index
 * lookup by partition and key), rather than every fact of the period joined to the awards.
 */
const CLUSTER_AWARDS_IN_PERIOD = `f.kind = 'award' AND f.cluster_id = $1
  AND EXISTS (SELECT 1 FROM metrics_fact_cell c WHERE c.scope_type = 'cluster' AND c.scope_id = $1 AND c.period = $2
                AND c.partition = f.partition AND c.key = f.key)`;

const KPI_IDS = new Set(KPI_DEFINITIONS.map((k) => k.id));
const UNIT = new Map(KPI_DEFINITIONS.map((k) => [k.id, k.unit]));

export interface CooperatingPair {
  firms: { id: string; name: string; country: string }[];
  awards: number;
  /** Their awards' value in EUR cents (those converted); null when none had a rate. */
  valueEurMinor: number | null;
  crossBorder: boolean;
}

/** One KPI of a cluster over periods, with its partner's beside it. */
export interface KpiSeries {
  kpi: string;
  unit: string;
  points: { period: string; cluster: number | null; partner: number | null }[];
}

export interface ClusterFigures {
  cluster: ReportCluster;
  partner: ReportCluster | null;
  periods: string[];
  /** The figures of the cluster and its partner in those periods (only cells with facts have figures). */
  figures: Figure[];
}

/**
 * Reads the cooperation KPIs from the roll-up, for the people allowed to: a cluster's figures to the coordinators of
 * that cluster and of its partner (they work side by side), a firm's to its members and to the coordinators of the
 * clusters it is a verified member of; everything to platform admins. Anyone else finds no such cluster or firm.
 */
@Injectable()
export class MetricsQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The periods from `from` to `to` (same grain, both included), oldest first. */
  static periodsBetween(from: string, to: string): string[] {
    const grain = grainField(from, 'from');
    if (grainField(to, 'to') !== grain)
      throw DomainError.invalid('to', 'GRAIN', `Give "to" as ${grainExample(grain)}.`);
    const index = (p: string) => {
      const [y, rest] = p.split('-');
      if (grain === 'year') return Number(y);
      if (grain === 'quarter') return Number(y) * 4 + Number(rest.slice(1)) - 1;
      return Number(y) * 12 + Number(rest) - 1;
    };
    const [a, b] = [index(from), index(to)];
    if (b < a) throw DomainError.invalid('to', 'BEFORE_FROM', 'The series ends before it starts.');
    if (b - a + 1 > MAX_PERIODS) throw DomainError.invalid('to', 'TOO_MANY', `At most ${MAX_PERIODS} periods.`);
    const key = (i: number) =>
      grain === 'year'
        ? String(i)
        : grain === 'quarter'
          ? `${Math.floor(i / 4)}-Q${(i % 4) + 1}`
          : `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    return Array.from({ length: b - a + 1 }, (_, i) => key(a + i));
  }

  /** A cluster's and its partner's figures for some KPIs (all when none given) over some periods. */
  async clusterFigures(
    actor: Actor,
    clusterId: string,
    periods: string[],
    kpis?: string[] | null,
  ): Promise<ClusterFigures> {
    (kpis ?? []).forEach((k, i) => {
      if (!KPI_IDS.has(k)) throw DomainError.invalid(`kpis.${i}`, 'UNKNOWN_KPI', `Unknown KPI "${k}".`);
    });
    const { cluster, partner } = await this.readableCluster(await actor.roles(), clusterId);
    const scopes = [cluster.id, ...(partner ? [partner.id] : [])];
    const rows: { scope_id: string; period: string; kpi: string; value: string | null }[] = await this.db.query(
      `SELECT scope_id, period, kpi, value FROM metrics_figure
       WHERE scope_type = 'cluster' AND scope_id = ANY($1::uuid[]) AND period = ANY($2::text[])
         AND ($3::text[] IS NULL OR kpi = ANY($3::text[]))`,
      [scopes, periods, kpis?.length ? kpis : null],
    );
    return {
      cluster,
      partner,
      periods,
      figures: rows.map((r) => ({
        scopeType: 'cluster',
        scopeId: r.scope_id,
        period: r.period,
        kpi: r.kpi,
        value: r.value === null ? null : Number(r.value),
      })),
    };
  }

  /**
   * The pairs of firms that cooperated most through the platform in a cluster's period: awards between them (either
   * way), their value in EUR (awards without a rate counted, without value), whether they are across the border.
   */
  async topPairs(actor: Actor, clusterId: string, period: string, first: number): Promise<CooperatingPair[]> {
    grainField(period, 'period');
    await this.readableCluster(await actor.roles(), clusterId);
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
         LIMIT $3) x
       JOIN firm fa ON fa.id = x.a JOIN firm fb ON fb.id = x.b
       ORDER BY x.awards DESC, x.eur_minor DESC NULLS LAST, x.a, x.b`,
      [clusterId, period, first],
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
    const periods = MetricsQueryService.periodsBetween(from, to);
    const data = await this.clusterFigures(actor, clusterId, periods, kpis);
    const byCell = new Map(data.figures.map((f) => [`${f.kpi}|${f.period}|${f.scopeId}`, f.value]));
    const value = (kpi: string, period: string, scope: string | undefined) =>
      byCell.get(`${kpi}|${period}|${scope}`) ?? null;
    const ids = kpis?.length ? kpis : KPI_DEFINITIONS.map((k) => k.id);
    return {
      partnerClusterId: data.partner?.id ?? null,
      periods,
      series: ids.map((kpi) => ({
        kpi,
        unit: UNIT.get(kpi) as string,
        points: periods.map((period) => ({
          period,
          cluster: value(kpi, period, clusterId),
          partner: value(kpi, period, data.partner?.id),
        })),
      })),
    };
  }

  /** The rows of a KPI table export: every figure of the cluster and its partner, named in `locale`, in order. */
  async clusterTable(actor: Actor, clusterId: string, from: string, to: string, locale: Locale) {
    const periods = MetricsQueryService.periodsBetween(from, to);
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
    const roles = await actor.roles();
    if (!roles.platformAdmin && !roles.firms.has(firmId)) {
      const [coordinated] = roles.coordinatorOf.size
        ? await this.db.query(
            `SELECT 1 FROM cluster_membership WHERE firm_id = $1 AND status = 'verified' AND cluster_id = ANY($2::uuid[])`,
            [firmId, [...roles.coordinatorOf]],
          )
        : [];
      if (!coordinated) throw DomainError.notFound('Firm', 'FIRM_NOT_FOUND');
    }
    const rows: { kpi: string; value: string | null }[] = await this.db.query(
      `SELECT kpi, value FROM metrics_figure WHERE scope_type = 'firm' AND scope_id = $1 AND period = $2`,
      [firmId, period],
    );
    return rows.map((r) => ({
      scopeType: 'firm',
      scopeId: firmId,
      period,
      kpi: r.kpi,
      value: r.value === null ? null : Number(r.value),
    }));
  }

  /**
   * What the periodic report of a cluster needs, read from the roll-up: the period's figures and the 12 months up to
   * its end, for the cluster and its partner, and the first and last day of the exchange rates the awards used.
   */
  async clusterReport(actor: Actor, clusterId: string, period: string, now = new Date()): Promise<ClusterReportData> {
    grainField(period, 'period');
    const series = seriesMonths(period);
    const data = await this.clusterFigures(actor, clusterId, [...new Set([period, ...series])]);
    // Only awards carry a rate (their cross-border and brokered facts repeat the award's): the awards are enough.
    const [rates] = await this.db.query(
      `SELECT min(f.rate_date) AS first, max(f.rate_date) AS last, min(f.rate_source) AS source
       FROM metrics_fact f WHERE ${CLUSTER_AWARDS_IN_PERIOD} AND f.rate_date IS NOT NULL`,
      [clusterId, period],
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

  /** The cluster and its partner, if the actor coordinates either (or is a platform admin). */
  private async readableCluster(
    roles: ActorRoles,
    clusterId: string,
  ): Promise<{ cluster: ReportCluster; partner: ReportCluster | null }> {
    const rows: { id: string; name: LocalizedText; country: string; partner_cluster_id: string | null }[] =
      await this.db.query(
        `SELECT c.id, c.name, c.country, c.partner_cluster_id FROM cluster c
         WHERE c.id = $1 OR c.id = (SELECT partner_cluster_id FROM cluster WHERE id = $1)`,
        [clusterId],
      );
    const own = rows.find((r) => r.id === clusterId);
    const partner = own?.partner_cluster_id ? rows.find((r) => r.id === own.partner_cluster_id) : undefined;
    const allowed =
      roles.platformAdmin || roles.coordinatorOf.has(clusterId) || (!!partner && roles.coordinatorOf.has(partner.id));
    if (!own || !allowed) throw DomainError.notFound('Cluster', 'CLUSTER_NOT_FOUND');
    const asReport = (r: (typeof rows)[number]): ReportCluster => ({
      id: r.id,
      name: r.name,
      country: r.country.trim() as MetricsCountry,
    });
    return { cluster: asReport(own), partner: partner ? asReport(partner) : null };
  }
}

function grainField(period: string, field: string): PeriodGrain {
  try {
    return grainOf(period);
  } catch {
    throw DomainError.invalid(field, 'PERIOD', 'Give a period as 2026-03 (month), 2026-Q1 (quarter) or 2026 (year).');
  }
}

const grainExample = (g: PeriodGrain) =>
  g === 'month' ? 'a month (2026-03)' : g === 'quarter' ? 'a quarter (2026-Q1)' : 'a year (2026)';
