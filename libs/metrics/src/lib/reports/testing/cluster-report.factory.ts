import { KPI_DEFINITIONS } from '../../kpi-definitions';
import { ratio } from '../../core/figures';
import { seriesMonths, type ClusterReportData, type KpiPair, type ReportCluster } from '../cluster-report-data';
import { periodWithin } from '../report-format';

export const KOM_CLUSTER: ReportCluster = {
  id: '5f0c6b1e-0b7e-4c2a-9d8e-000000000001',
  name: { pl: 'Klaster Obróbki Metali', en: 'Metal Processing Cluster', lt: 'Metalo apdirbimo klasteris' },
  country: 'PL',
};

export const DZUKIJA_CLUSTER: ReportCluster = {
  id: '5f0c6b1e-0b7e-4c2a-9d8e-000000000002',
  name: { lt: 'Dzūkijos metalo klasteris', en: 'Dzūkija Metal Cluster' },
  country: 'LT',
};

/** Plausible monthly figures of one side (0 the cluster, 1 its partner) in the i-th month of the series. */
function month(i: number, side: 0 | 1): Record<string, number> {
  const scale = side === 0 ? 1 : 0.6;
  const proposed = Math.round((120 + 5 * i) * scale);
  const eur = Math.round((1_234_567 + 250_000 * i) * scale);
  return {
    'members-active': Math.round((40 + 3 * i) * scale),
    'offers-published': 12 + i,
    'offers-kept-current': 30 + i,
    'orders-posted': 8 + (i % 4),
    'packages-posted': 3 * (8 + (i % 4)),
    'quotes-sent': 20 + 2 * i,
    'first-quote-minutes-median': 300 + 60 * i,
    'matches-proposed': proposed,
    'matches-endorsed': Math.round(proposed * 0.4),
    'matches-quoted': Math.round(proposed * 0.25),
    'matches-awarded': Math.round(proposed * 0.1),
    'packages-awarded': 10 + i,
    'value-awarded-eur': eur,
    'value-awarded-pln': Math.round(eur * 4.2718),
    'awards-unconverted': i % 5 === 0 ? 1 : 0,
    'value-cross-border-eur': Math.round(eur * 0.45),
    'new-pl-lt-pairs': 2 + (i % 3),
    'repeat-awards': 3 + (i % 2),
    handovers: 15 + i,
    'handovers-on-time': 12 + i,
    'value-brokered-eur': Math.round(eur * 0.2),
    'value-brokered-pln': Math.round(eur * 4.2718 * 0.2),
  };
}

/** Sums of the months inside a period, ratios taken of the sums, the median of its last month. */
function aggregate(months: Record<string, number>[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const k of KPI_DEFINITIONS) {
    const m = k.measure;
    if (m.op === 'ratio') out[k.id] = ratio(out[m.numerator] ?? null, out[m.denominator] ?? null);
    else if (m.op === 'median') out[k.id] = months.at(-1)?.[k.id] ?? null;
    else out[k.id] = months.reduce((s, x) => s + (x[k.id] ?? 0), 0);
  }
  return out;
}

/**
 * A report of the Polish Metal Processing Cluster with its Lithuanian partner: monthly figures for the 12 months
 * up to the end of `period` and the period's own figures. Anything can be overridden.
 */
export function buildClusterReportData(overrides: Partial<ClusterReportData> = {}): ClusterReportData {
  const period = overrides.period ?? '2026-Q1';
  const series = overrides.series ?? seriesMonths(period);
  const sides = ([0, 1] as const).map((side) => series.map((_, i) => month(i, side)));
  const kpis: Record<string, Record<string, KpiPair>> = {};
  const inPeriod = series.map((p, i) => (periodWithin(p, period) ? i : -1)).filter((i) => i >= 0);
  const [ownPeriod, partnerPeriod] = sides.map((ms) => aggregate(inPeriod.map((i) => ms[i])));
  for (const k of KPI_DEFINITIONS) {
    const byPeriod: Record<string, KpiPair> = {};
    series.forEach((p, i) => {
      const [own, partner] = sides.map((ms) => aggregate([ms[i]])[k.id] ?? null);
      byPeriod[p] = { cluster: own, partner };
    });
    byPeriod[period] = { cluster: ownPeriod[k.id] ?? null, partner: partnerPeriod[k.id] ?? null };
    kpis[k.id] = byPeriod;
  }
  return {
    cluster: KOM_CLUSTER,
    partner: DZUKIJA_CLUSTER,
    period,
    series,
    kpis,
    rates: { source: 'NBP', firstRateDate: '2026-01-02', lastRateDate: '2026-03-31' },
    generatedAt: '2026-04-02T08:15:00Z',
    ...overrides,
  };
}
