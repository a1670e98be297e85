import { pickText, type Locale, type LocalizedLabels } from '@kooperant/platform-i18n';
import { MINOR_UNITS } from '@kooperant/platform-money';
import { KPI_DEFINITIONS } from '../kpi-definitions';
import type { Figure } from '../core/figures';
import type { ClusterReportData } from './cluster-report-data';
import { toCsvBytes } from './csv';
import { kpiDefinition, kpiTitle } from './kpi-labels';
import { reportFormatter, unitCurrency } from './report-format';

/** One KPI value of one scope and period (a roll-up figure), with the scope's name where the caller knows it. */
export interface KpiTableRow extends Figure {
  scopeName?: string;
}

/** The columns of a KPI table export, in order. Codes and values are machine-readable; only headers are translated. */
export const KPI_CSV_COLUMNS = [
  'scopeType',
  'scopeId',
  'scopeName',
  'period',
  'periodName',
  'kpi',
  'kpiTitle',
  'value',
  'unit',
  'currency',
] as const;
export type KpiCsvColumn = (typeof KPI_CSV_COLUMNS)[number];

export const KPI_CSV_HEADERS: Readonly<Record<KpiCsvColumn, LocalizedLabels>> = {
  scopeType: { en: 'Scope type', pl: 'Rodzaj podmiotu', lt: 'Subjekto tipas' },
  scopeId: { en: 'Scope ID', pl: 'ID podmiotu', lt: 'Subjekto ID' },
  scopeName: { en: 'Name', pl: 'Nazwa', lt: 'Pavadinimas' },
  period: { en: 'Period', pl: 'Okres', lt: 'Laikotarpis' },
  periodName: { en: 'Period name', pl: 'Nazwa okresu', lt: 'Laikotarpio pavadinimas' },
  kpi: { en: 'KPI ID', pl: 'ID wskaźnika', lt: 'Rodiklio ID' },
  kpiTitle: { en: 'KPI', pl: 'Wskaźnik', lt: 'Rodiklis' },
  value: { en: 'Value', pl: 'Wartość', lt: 'Reikšmė' },
  unit: { en: 'Unit', pl: 'Jednostka', lt: 'Vienetas' },
  currency: { en: 'Currency', pl: 'Waluta', lt: 'Valiuta' },
};

/** The unit column's codes: money values are in major units of the currency column. */
export type KpiCsvUnit = 'count' | 'money' | 'minutes' | 'ratio';

/**
 * A value as the CSV holds it: a plain decimal with `.` and no grouping (counts and minutes whole, money in major
 * units with exactly its minor digits, ratios as decimals such as `0.4375`); empty for no value.
 */
export function csvValue(kpiId: string, value: number | null): { value: string; unit: KpiCsvUnit; currency: string } {
  const u = kpiDefinition(kpiId).unit;
  const currency = unitCurrency(u);
  const unit: KpiCsvUnit = currency ? 'money' : u === 'ratio' ? 'ratio' : u === 'minutes' ? 'minutes' : 'count';
  if (value === null) return { value: '', unit, currency: currency ?? '' };
  if (!currency) return { value: String(value), unit, currency: '' };
  const digits = MINOR_UNITS[currency];
  const abs = Math.abs(value);
  const major = Math.floor(abs / 10 ** digits);
  const minor = String(abs % 10 ** digits).padStart(digits, '0');
  return { value: `${value < 0 ? '-' : ''}${major}.${minor}`, unit, currency };
}

/**
 * Any KPI table as a CSV file (RFC 4180, UTF-8 with BOM, CRLF): a header row in the reader's language, then one
 * record per row in the given order.
 */
export function kpiTableCsv(rows: Iterable<KpiTableRow>, locale: Locale): Buffer {
  const f = reportFormatter(locale, 'UTC');
  const records: string[][] = [KPI_CSV_COLUMNS.map((c) => KPI_CSV_HEADERS[c][locale])];
  for (const r of rows) {
    const v = csvValue(r.kpi, r.value);
    records.push([
      r.scopeType,
      r.scopeId,
      r.scopeName ?? '',
      r.period,
      f.period(r.period),
      r.kpi,
      kpiTitle(r.kpi, locale),
      v.value,
      v.unit,
      v.currency,
    ]);
  }
  return toCsvBytes(records);
}

/** The rows of a cluster report: every KPI, for the cluster then its partner, over the series and the period. */
export function clusterReportRows(data: ClusterReportData, locale: Locale): KpiTableRow[] {
  const periods = [...new Set([...data.series, data.period])];
  const sides: { side: 'cluster' | 'partner'; c: ClusterReportData['cluster'] }[] = [
    { side: 'cluster', c: data.cluster },
  ];
  if (data.partner) sides.push({ side: 'partner', c: data.partner });
  const rows: KpiTableRow[] = [];
  for (const { side, c } of sides) {
    const scopeName = pickText(c.name, locale) ?? '';
    for (const kpi of KPI_DEFINITIONS) {
      for (const period of periods) {
        const value = data.kpis[kpi.id]?.[period]?.[side] ?? null;
        rows.push({ scopeType: 'cluster', scopeId: c.id, scopeName, period, kpi: kpi.id, value });
      }
    }
  }
  return rows;
}

/** A cluster report's figures as a CSV file (see kpiTableCsv). */
export function clusterReportCsv(data: ClusterReportData, locale: Locale): Buffer {
  return kpiTableCsv(clusterReportRows(data, locale), locale);
}
