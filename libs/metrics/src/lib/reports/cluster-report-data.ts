import type { LocalizedText } from '@kooperant/platform-i18n';
import type { RateSource } from '@kooperant/platform-money';
import type { Figure } from '../core/figures';
import type { MetricsCountry } from '../core/periods';
import { parsePeriod } from './report-format';

/** A cluster as a report names it. */
export interface ReportCluster {
  id: string;
  /** Its name in the languages it has one in; a report picks the reader's language, then English, then any. */
  name: LocalizedText;
  country: MetricsCountry;
}

/** One KPI in one period: the cluster's value and its partner's side by side; null where there is none. */
export interface KpiPair {
  cluster: number | null;
  partner: number | null;
}

/** Which rates turned the awards' prices into EUR and PLN; stated in the report's footnotes. */
export interface ExchangeRateStatement {
  /** NBP table A mid rates or the ECB reference rates. */
  source: RateSource;
  /** The first and last rate days used (YYYY-MM-DD); null when the period had no award that needed a rate. */
  firstRateDate: string | null;
  lastRateDate: string | null;
}

/**
 * All a periodic cluster report needs, as plain data that a job or resolver fills from the roll-up figures (see
 * `clusterReportKpis`). Values are in each KPI's unit as KPI_DEFINITIONS states it: money in minor units, durations
 * in minutes, ratios as decimals 0..1. Each cluster's periods are those of its own calendar (Europe/Warsaw for a
 * Polish cluster, Europe/Vilnius for a Lithuanian one), as the roll-up counts them.
 */
export interface ClusterReportData {
  cluster: ReportCluster;
  partner: ReportCluster | null;
  /** The period reported on: `2026-Q1`, `2026` or `2026-03`. */
  period: string;
  /** The periods of the series chart, oldest first, e.g. the 12 months up to the end of `period` (`seriesMonths`). */
  series: readonly string[];
  /** KPI id → period key → values. Needs `period` and each of `series`; a missing KPI or period shows as no value. */
  kpis: Readonly<Record<string, Readonly<Record<string, KpiPair>>>>;
  rates: ExchangeRateStatement;
  /** When the report was made (ISO 8601 instant): shown on it and written as the PDF's creation date. */
  generatedAt: string;
}

/** The 12 months up to the last month of a period: for `2026-Q1` April 2025 to March 2026, for `2026` its months. */
export function seriesMonths(period: string): string[] {
  const { year, month, quarter } = parsePeriod(period);
  const last = month ?? (quarter !== null ? quarter * 3 : 12);
  const out: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const index = year * 12 + (last - 1) - i;
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/**
 * The `kpis` of a report from roll-up figures: every figure of the two clusters in the report period and the
 * series periods, side by side. Figures of other scopes and periods are ignored.
 */
export function clusterReportKpis(
  figures: Iterable<Figure>,
  scope: { clusterId: string; partnerId: string | null; periods: Iterable<string> },
): Record<string, Record<string, KpiPair>> {
  const periods = new Set(scope.periods);
  const out: Record<string, Record<string, KpiPair>> = {};
  for (const f of figures) {
    if (f.scopeType !== 'cluster' || !periods.has(f.period)) continue;
    const side = f.scopeId === scope.clusterId ? 'cluster' : f.scopeId === scope.partnerId ? 'partner' : null;
    if (!side) continue;
    const byPeriod = (out[f.kpi] ??= {});
    const pair = (byPeriod[f.period] ??= { cluster: null, partner: null });
    pair[side] = f.value;
  }
  return out;
}
