import type { DataSource } from 'typeorm';
import { DomainError } from '@kooperant/platform-errors';
import type { Locale } from '@kooperant/platform-i18n';
import { KPI_DEFINITIONS } from '../kpi-definitions';
import type { ScopeType } from '../core/cells';
import type { Figure } from '../core/figures';
import { grainOf, type PeriodGrain } from '../core/periods';
import { kpiTitle } from '../reports/kpi-labels';
import { METRICS_FIGURES } from '../store/metrics-figures.sql';

/** At most this many periods in one series (five years of months). */
export const MAX_PERIODS = 60;

const KPI_IDS = new Set(KPI_DEFINITIONS.map((k) => k.id));
const UNIT = new Map(KPI_DEFINITIONS.map((k) => [k.id, k.unit]));

/** One KPI over periods; what a point holds depends on the scope (a cluster beside its partner, a firm alone). */
export interface SeriesOf<P> {
  kpi: string;
  unit: string;
  points: P[];
}

/** The grain of a period argument; anything else is VALIDATION_FAILED naming the argument. */
export function grainField(period: string, field: string): PeriodGrain {
  try {
    return grainOf(period);
  } catch {
    throw DomainError.invalid(field, 'PERIOD', 'Give a period as 2026-03 (month), 2026-Q1 (quarter) or 2026 (year).');
  }
}

const grainExample = (g: PeriodGrain) =>
  g === 'month' ? 'a month (2026-03)' : g === 'quarter' ? 'a quarter (2026-Q1)' : 'a year (2026)';

/** A period's place on its grain's line: year, year * 4 + quarter, or year * 12 + month (from 0). */
function periodIndex(period: string, grain: PeriodGrain): number {
  const [y, rest] = period.split('-');
  if (grain === 'year') return Number(y);
  if (grain === 'quarter') return Number(y) * 4 + Number(rest.slice(1)) - 1;
  return Number(y) * 12 + Number(rest) - 1;
}

/** The periods from `from` to `to` (same grain, both included), oldest first; the arguments are named when wrong. */
export function periodsBetween(from: string, to: string): string[] {
  const grain = grainField(from, 'from');
  if (grainField(to, 'to') !== grain) throw DomainError.invalid('to', 'GRAIN', `Give "to" as ${grainExample(grain)}.`);
  const [a, b] = [periodIndex(from, grain), periodIndex(to, grain)];
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

/**
 * The local (wall-clock) first day of the first period and of the period after the last, `YYYY-MM-DD`: the bounds of
 * `periods` (oldest first, one grain) on a scope's calendar, to be read in its zone.
 */
export function localBounds(periods: readonly string[]): { start: string; end: string } {
  const grain = grainOf(periods[0]);
  const firstMonth = (i: number) => (grain === 'year' ? i * 12 : grain === 'quarter' ? i * 3 : i);
  const day = (month: number) => `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
  const last = periodIndex(periods[periods.length - 1], grain);
  return { start: day(firstMonth(periodIndex(periods[0], grain))), end: day(firstMonth(last + 1)) };
}

/** KPI ids asked for, each known (`kpis.<i>` names the first that is not); all when none are given. */
export function kpiIds(kpis?: readonly string[] | null): string[] {
  (kpis ?? []).forEach((k, i) => {
    if (!KPI_IDS.has(k)) throw DomainError.invalid(`kpis.${i}`, 'UNKNOWN_KPI', `Unknown KPI "${k}".`);
  });
  return kpis?.length ? [...kpis] : KPI_DEFINITIONS.map((k) => k.id);
}

/** The series of some KPIs over periods, each point made by `point`. */
export function seriesOf<P>(
  kpis: readonly string[],
  periods: readonly string[],
  point: (kpi: string, period: string) => P,
): SeriesOf<P>[] {
  return kpis.map((kpi) => ({
    kpi,
    unit: UNIT.get(kpi) as string,
    points: periods.map((period) => point(kpi, period)),
  }));
}

/** The same series with each KPI's title in `locale`. */
export function titled<T extends { kpi: string }>(series: T[], locale: Locale): (T & { title: string })[] {
  return series.map((s) => ({ ...s, title: kpiTitle(s.kpi, locale) }));
}

/**
 * The stored figures of some scopes in some periods, for some KPIs (all when none are given); cells without facts have
 * none. Read access is the caller's to check.
 */
export async function storedFigures(
  db: DataSource,
  scopeType: ScopeType,
  scopeIds: readonly string[],
  periods: readonly string[],
  kpis?: readonly string[] | null,
): Promise<Figure[]> {
  const rows: { scope_id: string; period: string; kpi: string; value: string | null }[] = await db.query(
    `SELECT scope_id, period, kpi, value FROM ${METRICS_FIGURES} f
     WHERE scope_type = $1 AND scope_id = ANY($2::uuid[]) AND period = ANY($3::text[])
       AND ($4::text[] IS NULL OR kpi = ANY($4::text[]))`,
    [scopeType, scopeIds, periods, kpis?.length ? kpis : null],
  );
  return rows.map((r) => ({
    scopeType,
    scopeId: r.scope_id,
    period: r.period,
    kpi: r.kpi,
    value: r.value === null ? null : Number(r.value),
  }));
}

/** A figure's value by KPI, period and scope: `lookup(kpi, period, scopeId)` (null where there is none). */
export function figureLookup(figures: readonly Figure[]) {
  const byCell = new Map(figures.map((f) => [`${f.kpi}|${f.period}|${f.scopeId}`, f.value]));
  return (kpi: string, period: string, scopeId: string | undefined): number | null =>
    byCell.get(`${kpi}|${period}|${scopeId}`) ?? null;
}
