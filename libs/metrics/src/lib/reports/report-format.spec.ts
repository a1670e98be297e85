import { reportFormatter, NO_VALUE, periodDays, periodWithin } from './report-format';
import { clusterReportKpis, seriesMonths } from './cluster-report-data';

const NBSP = '\u00a0';
const en = reportFormatter('en', 'Europe/Warsaw');
const pl = reportFormatter('pl', 'Europe/Warsaw');
const lt = reportFormatter('lt', 'Europe/Vilnius');

describe('reportFormatter', () => {
  it('formats money per locale with non-breaking spaces: pl 12 345,67 zł, lt 12 345,67 €, en €12,345.67', () => {
    expect(pl.money(1_234_567, 'PLN')).toBe(`12${NBSP}345,67${NBSP}zł`);
    expect(lt.money(1_234_567, 'EUR')).toBe(`12${NBSP}345,67${NBSP}€`);
    expect(en.money(1_234_567, 'EUR')).toBe('€12,345.67');
    expect(pl.value('value-awarded-pln', 1_234_567)).toBe(`12${NBSP}345,67${NBSP}zł`);
    expect(lt.value('value-brokered-eur', 50)).toBe(`0,50${NBSP}€`);
  });

  it('groups counts as each language does: pl only from five digits, lt from four', () => {
    expect([pl.count(1234), pl.count(12345), lt.count(1234), en.count(1234)]).toEqual([
      '1234',
      `12${NBSP}345`,
      `1${NBSP}234`,
      '1,234',
    ]);
  });

  it('shows ratios as percentages with at most one decimal', () => {
    expect([en.ratio(0.4375), pl.ratio(0.4375), lt.ratio(0.4375), pl.value('on-time-rate', 1)]).toEqual([
      '43.8%',
      '43,8%',
      `43,8${NBSP}%`,
      '100%',
    ]);
  });

  it('shows durations as minutes, hours or days with the plural each number takes', () => {
    expect([45, 960, 2880, 2160].map((m) => en.duration(m))).toEqual(['45 minutes', '16 hours', '2 days', '36 hours']);
    expect([45, 960, 2880, 3 * 1440 + 720].map((m) => pl.duration(m))).toEqual([
      '45 minut',
      '16 godzin',
      '2 dni',
      '3,5 dnia',
    ]);
    expect([45, 960, 2880, 3 * 1440 + 720].map((m) => lt.duration(m))).toEqual([
      '45 minutės',
      '16 valandų',
      '2 dienos',
      '3,5 dienos',
    ]);
  });

  it('shows a missing value as a dash', () => {
    expect(pl.value('first-quote-minutes-median', null)).toBe(NO_VALUE);
  });

  it('names quarters, months and years as each language writes them', () => {
    expect(['2026-Q1', '2026-03', '2026'].map((p) => en.period(p))).toEqual(['Q1 2026', 'March 2026', '2026']);
    expect(['2026-Q1', '2026-03', '2026'].map((p) => pl.period(p))).toEqual(['I kw. 2026', 'marzec 2026', '2026']);
    expect(['2026-Q4', '2026-03', '2026'].map((p) => lt.period(p))).toEqual([
      '2026 m. IV ketv.',
      '2026 m. kovas',
      '2026 m.',
    ]);
    expect(['2026-03', '2026-Q2'].map((p) => en.periodShort(p))).toEqual(['Mar', 'Q2']);
    expect(['2026-03', '2026-Q2'].map((p) => pl.periodShort(p))).toEqual(['mar', 'II kw.']);
    expect(['2026-03', '2026-09', '2026-Q2'].map((p) => lt.periodShort(p))).toEqual(['kov.', 'rugs.', 'II ketv.']);
  });

  it("writes dates in words, on the day of the formatter's zone", () => {
    const lateInUtc = '2026-03-31T22:30:00Z'; // already 1 April in Warsaw and Vilnius
    expect(en.date(lateInUtc)).toBe('1 April 2026');
    expect(pl.date(lateInUtc)).toBe('1 kwietnia 2026');
    expect(lt.date(lateInUtc)).toBe('2026 m. balandžio 1 d.');
    expect(reportFormatter('en', 'UTC').date(lateInUtc)).toBe('31 March 2026');
  });

  it('picks CLDR plural forms', () => {
    const forms = { one: '{n} zlecenie', few: '{n} zlecenia', many: '{n} zleceń', other: '{n} zlecenia' };
    expect([1, 3, 5, 22, 1.5].map((n) => pl.plural(n, forms))).toEqual([
      '1 zlecenie',
      '3 zlecenia',
      '5 zleceń',
      '22 zlecenia',
      '1,5 zlecenia',
    ]);
  });
});

describe('periods of a report', () => {
  it('knows the first and last day of a period', () => {
    expect(periodDays('2026-Q1')).toEqual({ first: '2026-01-01', last: '2026-03-31' });
    expect(periodDays('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(periodDays('2026')).toEqual({ first: '2026-01-01', last: '2026-12-31' });
  });

  it('tells whether a period lies inside another', () => {
    expect(['2026-02', '2026-04', '2026-Q1', '2025-02'].map((p) => periodWithin(p, '2026-Q1'))).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(['2026-12', '2026-Q4', '2027-01'].map((p) => periodWithin(p, '2026'))).toEqual([true, true, false]);
    expect(periodWithin('2026-03', '2026-03')).toBe(true);
  });

  it('takes the 12 months up to the end of the period as the default series', () => {
    expect(seriesMonths('2026-Q1')).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(seriesMonths('2026')[0]).toBe('2026-01');
    expect(seriesMonths('2026').at(-1)).toBe('2026-12');
    expect(seriesMonths('2026-01')[0]).toBe('2025-02');
  });
});

describe('clusterReportKpis', () => {
  it('puts the figures of the cluster and its partner side by side and ignores other scopes and periods', () => {
    const kpis = clusterReportKpis(
      [
        { scopeType: 'cluster', scopeId: 'kom', period: '2026-Q1', kpi: 'orders-posted', value: 30 },
        { scopeType: 'cluster', scopeId: 'dzukija', period: '2026-Q1', kpi: 'orders-posted', value: 12 },
        { scopeType: 'cluster', scopeId: 'dzukija', period: '2026-03', kpi: 'on-time-rate', value: null },
        { scopeType: 'cluster', scopeId: 'other', period: '2026-Q1', kpi: 'orders-posted', value: 99 },
        { scopeType: 'firm', scopeId: 'kom', period: '2026-Q1', kpi: 'orders-posted', value: 98 },
        { scopeType: 'cluster', scopeId: 'kom', period: '2025-Q4', kpi: 'orders-posted', value: 97 },
      ],
      { clusterId: 'kom', partnerId: 'dzukija', periods: ['2026-Q1', '2026-03'] },
    );
    expect(kpis).toEqual({
      'orders-posted': { '2026-Q1': { cluster: 30, partner: 12 } },
      'on-time-rate': { '2026-03': { cluster: null, partner: null } },
    });
  });
});
