import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Locale, LocalizedLabels } from '@kooperant/platform-i18n';
import type { Actor } from '@kooperant/identity';
import type { ScopeType } from '../core/cells';
import { ratio } from '../core/figures';
import { subjectUuidSql } from './fact-sql';
import { grainField } from './kpi-series';
import { MetricsAccessService, type MetricsFirm } from './metrics-access.service';

/** Hand-overs, those on time, and the on-time rate (as the `on-time-rate` KPI: 4 decimals, none without hand-overs). */
export interface HandoverCounts {
  handovers: number;
  onTime: number;
  onTimeRate: number | null;
}

export interface HandoverProcess {
  id: string;
  code: string;
  /** Its label in the language asked for. */
  name: string;
}

/** A scope's hand-overs in a period, per step (the work package's process) and per firm that handed over. */
export interface HandoverBreakdown extends HandoverCounts {
  scopeId: string;
  period: string;
  /** Most hand-overs first; `process` is null for packages no longer stored. */
  byProcess: (HandoverCounts & { process: HandoverProcess | null })[];
  /** The firms with most hand-overs first (then most on time). */
  byFirm: (HandoverCounts & { firm: MetricsFirm })[];
}

/**
 * The hand-over facts counting in one cell (as the `handovers` and `handovers-on-time` KPIs: each package once), per
 * process of the package and firm that handed it over. $1 scope type, $2 scope id, $3 period.
 */
const HANDOVERS_SQL = `
  WITH p AS (
    SELECT f.subject, min(${subjectUuidSql('f')}::text)::uuid AS package_id, min(f.firm_id::text)::uuid AS firm_id,
           bool_or(f.kind = 'handover') AS handed, bool_or(f.kind = 'handover.on-time') AS on_time
    FROM metrics_fact_cell c JOIN metrics_fact f ON f.partition = c.partition AND f.key = c.key
    WHERE c.scope_type = $1 AND c.scope_id = $2 AND c.period = $3 AND f.kind IN ('handover', 'handover.on-time')
    GROUP BY f.subject
  )
  SELECT t.id AS process_id, t.code AS process_code, t.labels AS process_labels,
         p.firm_id, fm.name AS firm_name, fm.country AS firm_country,
         count(*) FILTER (WHERE p.handed)::int AS handovers, count(*) FILTER (WHERE p.on_time)::int AS on_time
  FROM p
  LEFT JOIN work_package wp ON wp.id = p.package_id
  LEFT JOIN taxonomy_entry t ON t.id = wp.process_id
  LEFT JOIN firm fm ON fm.id = p.firm_id
  GROUP BY t.id, p.firm_id, fm.id`;

interface HandoverRow {
  process_id: string | null;
  process_code: string | null;
  process_labels: LocalizedLabels | null;
  firm_id: string;
  firm_name: string | null;
  firm_country: string | null;
  handovers: number;
  on_time: number;
}

/**
 * On-time hand-overs per step and per firm, for a cluster (its coordinators and its partner's) or a firm (its members
 * and its clusters' coordinators). Read from the KPI facts and their cells, so the totals are the `handovers`,
 * `handovers-on-time` and `on-time-rate` figures of the same cell.
 */
@Injectable()
export class HandoverBreakdownService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MetricsAccessService,
  ) {}

  /** The hand-overs of the orders posted in a cluster, in one of its periods; the `topFirms` firms with most. */
  async cluster(
    actor: Actor,
    clusterId: string,
    period: string,
    locale: Locale,
    topFirms: number,
  ): Promise<HandoverBreakdown> {
    grainField(period, 'period');
    await this.access.readableCluster(actor, clusterId);
    return this.breakdown('cluster', clusterId, period, locale, topFirms);
  }

  /** The hand-overs a firm made in one of its periods. */
  async firm(actor: Actor, firmId: string, period: string, locale: Locale): Promise<HandoverBreakdown> {
    grainField(period, 'period');
    await this.access.readableFirm(actor, firmId);
    return this.breakdown('firm', firmId, period, locale, 1);
  }

  private async breakdown(
    scopeType: ScopeType,
    scopeId: string,
    period: string,
    locale: Locale,
    topFirms: number,
  ): Promise<HandoverBreakdown> {
    const rows: HandoverRow[] = await this.db.query(HANDOVERS_SQL, [scopeType, scopeId, period]);
    const byProcess = tally(
      rows,
      (r) => r.process_id ?? '',
      (r) =>
        r.process_id && r.process_code
          ? {
              id: r.process_id,
              code: r.process_code,
              name: r.process_labels?.[locale] || r.process_labels?.en || r.process_code,
            }
          : null,
    ).map(({ of, ...counts }) => ({ process: of, ...counts }));
    const byFirm = tally(
      rows,
      (r) => r.firm_id,
      (r) => ({
        id: r.firm_id,
        name: r.firm_name ?? '',
        country: (r.firm_country ?? '').trim() as MetricsFirm['country'],
      }),
    ).map(({ of, ...counts }) => ({ firm: of, ...counts }));
    const [handovers, onTime] = [sum(rows, (r) => r.handovers), sum(rows, (r) => r.on_time)];
    return {
      scopeId,
      period,
      handovers,
      onTime,
      onTimeRate: ratio(onTime, handovers),
      byProcess: byProcess.sort((a, b) => b.handovers - a.handovers || order(a.process?.code, b.process?.code)),
      byFirm: byFirm
        .sort(
          (a, b) =>
            b.handovers - a.handovers ||
            b.onTime - a.onTime ||
            order(a.firm.name, b.firm.name) ||
            order(a.firm.id, b.firm.id),
        )
        .slice(0, topFirms),
    };
  }
}

const sum = (rows: readonly HandoverRow[], n: (r: HandoverRow) => number) => rows.reduce((s, r) => s + n(r), 0);

/** Null (unknown) last, otherwise by code point: the same in every language. */
const order = (a: string | undefined, b: string | undefined) =>
  a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : a < b ? -1 : 1;

/** The rows' counts summed per group, each group described by `of` (from its first row). */
function tally<T>(
  rows: readonly HandoverRow[],
  group: (r: HandoverRow) => string,
  of: (r: HandoverRow) => T,
): (HandoverCounts & { of: T })[] {
  const groups = new Map<string, { of: T; handovers: number; onTime: number }>();
  for (const r of rows) {
    const g = groups.get(group(r)) ?? { of: of(r), handovers: 0, onTime: 0 };
    g.handovers += r.handovers;
    g.onTime += r.on_time;
    groups.set(group(r), g);
  }
  return [...groups.values()].map((g) => ({ ...g, onTimeRate: ratio(g.onTime, g.handovers) }));
}
