import { parse } from 'csv-parse/sync';
import { KPI_DEFINITIONS } from '../kpi-definitions';
import { csvField, toCsv, UTF8_BOM } from './csv';
import { clusterReportCsv, csvValue, kpiTableCsv, KPI_CSV_HEADERS, type KpiTableRow } from './kpi-table-csv';
import { buildClusterReportData } from './testing/cluster-report.factory';

/** Reads a CSV export back with an independent RFC 4180 parser. */
const readCsv = (bytes: Buffer): string[][] => parse(bytes, { bom: true, relax_column_count: false });

describe('CSV (RFC 4180)', () => {
  it('quotes only fields holding a comma, a quote or a line break, and doubles inner quotes', () => {
    expect(csvField('Klaster Obróbki Metali')).toBe('Klaster Obróbki Metali');
    expect(csvField('Metal-Tech, Sp. z o.o.')).toBe('"Metal-Tech, Sp. z o.o."');
    expect(csvField('UAB "Dzūkijos metalas"')).toBe('"UAB ""Dzūkijos metalas"""');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
  });

  it('starts with the UTF-8 byte order mark and ends every record with CRLF', () => {
    const text = toCsv([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(text).toBe(`${UTF8_BOM}a,b\r\n1,2\r\n`);
    expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('kpiTableCsv', () => {
  const rows: KpiTableRow[] = [
    {
      scopeType: 'firm',
      scopeId: 'f-1',
      scopeName: 'Metal-Tech "Podlasie", Sp. z o.o.',
      period: '2026-Q1',
      kpi: 'value-awarded-pln',
      value: 1_234_567,
    },
    {
      scopeType: 'firm',
      scopeId: 'f-2',
      scopeName: 'UAB „Dzūkijos metalas“',
      period: '2026-03',
      kpi: 'value-awarded-eur',
      value: 5,
    },
    {
      scopeType: 'firm',
      scopeId: 'f-3',
      scopeName: 'Zakład Ślusarski\r\nŻółtański Sp. j.',
      period: '2026',
      kpi: 'cross-border-share',
      value: 0.4375,
    },
    {
      scopeType: 'cluster',
      scopeId: 'c-1',
      scopeName: 'Klaster Obróbki Metali',
      period: '2026-Q1',
      kpi: 'on-time-rate',
      value: null,
    },
    { scopeType: 'cluster', scopeId: 'c-1', period: '2026-Q1', kpi: 'first-quote-minutes-median', value: 960 },
    { scopeType: 'cluster', scopeId: 'c-1', period: '2026-Q1', kpi: 'members-active', value: 12345 },
  ];

  it('writes a header in the chosen language and machine-readable values', () => {
    const [header, ...records] = readCsv(kpiTableCsv(rows, 'pl'));
    expect(header).toEqual(Object.values(KPI_CSV_HEADERS).map((h) => h.pl));
    expect(header).toContain('Wskaźnik');
    expect(records.map((r) => r.slice(4))).toEqual([
      ['I kw. 2026', 'value-awarded-pln', 'Wartość zleceń (PLN)', '12345.67', 'money', 'PLN'],
      ['marzec 2026', 'value-awarded-eur', 'Wartość zleceń (EUR)', '0.05', 'money', 'EUR'],
      ['2026', 'cross-border-share', 'Udział zleceń transgranicznych w wartości', '0.4375', 'ratio', ''],
      ['I kw. 2026', 'on-time-rate', 'Odsetek przekazań w terminie', '', 'ratio', ''],
      ['I kw. 2026', 'first-quote-minutes-median', 'Mediana czasu do pierwszej wyceny', '960', 'minutes', ''],
      ['I kw. 2026', 'members-active', 'Aktywni członkowie', '12345', 'count', ''],
    ]);
  });

  it('round-trips: names with commas, quotes, line breaks and diacritics and every value come back as written', () => {
    const [, ...records] = readCsv(kpiTableCsv(rows, 'lt'));
    const back = records.map(([scopeType, scopeId, scopeName, period, , kpi, , value, unit, currency]) => ({
      scopeType,
      scopeId,
      scopeName,
      period,
      kpi,
      value: value === '' ? null : unit === 'money' ? Math.round(Number(value) * 100) : Number(value),
      currency,
    }));
    expect(back).toEqual(
      rows.map((r) => ({
        scopeType: r.scopeType,
        scopeId: r.scopeId,
        scopeName: r.scopeName ?? '',
        period: r.period,
        kpi: r.kpi,
        value: r.value,
        currency: csvValue(r.kpi, r.value).currency,
      })),
    );
    expect(back[2].scopeName).toBe('Zakład Ślusarski\r\nŻółtański Sp. j.');
  });

  it('writes money in major units with exactly two decimals, negative amounts included', () => {
    expect(csvValue('value-awarded-eur', 100)).toEqual({ value: '1.00', unit: 'money', currency: 'EUR' });
    expect(csvValue('value-brokered-pln', 7)).toEqual({ value: '0.07', unit: 'money', currency: 'PLN' });
    expect(csvValue('value-awarded-eur', -1_050)).toEqual({ value: '-10.50', unit: 'money', currency: 'EUR' });
    expect(csvValue('value-awarded-eur', null)).toEqual({ value: '', unit: 'money', currency: 'EUR' });
  });
});

describe('clusterReportCsv', () => {
  it('exports every KPI of both clusters for each series period and the report period', () => {
    const data = buildClusterReportData();
    const [header, ...records] = readCsv(clusterReportCsv(data, 'lt'));
    expect(header[6]).toBe('Rodiklis');
    expect(records).toHaveLength(2 * KPI_DEFINITIONS.length * (data.series.length + 1));
    const partnerQuarter = records.find(
      (r) => r[2] === 'Dzūkijos metalo klasteris' && r[3] === '2026-Q1' && r[5] === 'orders-posted',
    );
    expect(partnerQuarter?.slice(4, 8)).toEqual([
      '2026 m. I ketv.',
      'orders-posted',
      'Paskelbti kooperaciniai užsakymai',
      String(data.kpis['orders-posted']['2026-Q1'].partner),
    ]);
  });
});
