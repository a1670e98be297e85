import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { insertCluster, insertCoordinator } from '@kooperant/identity/testing';
import {
  actorFor,
  award,
  leg,
  openOrder,
  pairClusters,
  pkg,
  submitQuote,
  verifiedFirm,
} from '@kooperant/orders/testing';
import { OrdersModule } from '@kooperant/orders';
import { createTestApp, domainError, type TestApp } from '@kooperant/platform-testing';
import { MetricsModule } from '../metrics.module';
import { MetricsRollupService } from '../store/metrics-rollup.service';
import { periodsOf } from '../core/periods';
import { renderClusterReportPdf } from '../reports/cluster-report-pdf';
import { MetricsQueriesModule } from './metrics-queries.module';
import { MetricsQueryService } from './metrics-query.service';

/** Reading the KPIs of real events (an order, a quote, an award across the border), and who may read them. */
describe('MetricsQueryService', () => {
  let app: TestApp;
  let metrics: MetricsQueryService;

  beforeAll(async () => {
    app = await createTestApp([OrdersModule, MetricsModule, MetricsQueriesModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    metrics = app.get(MetricsQueryService);
  });

  beforeEach(() => app.reset(['taxonomy_entry']));
  afterAll(() => app?.close());

  async function cooperation() {
    const pl = await insertCluster(app.db, 'PL');
    const lt = await insertCluster(app.db, 'LT');
    await pairClusters(app.db, pl, lt);
    const buyer = await verifiedFirm(app, 'PL', pl);
    const supplier = await verifiedFirm(app, 'LT', lt);
    const view = await openOrder(app, buyer, { visibility: 'partner_clusters' });
    await submitQuote(app, supplier, view.order.id, [leg(pkg(view, 'cut'), { priceMinor: 250_000, currency: 'PLN' })]);
    const [q] = await app.db.query(`SELECT id FROM quote WHERE order_id = $1`, [view.order.id]);
    await award(app, buyer, pkg(view, 'cut'), q.id);
    await app.get(MetricsRollupService).recomputeAll();
    return {
      pl,
      lt,
      buyer,
      supplier,
      plCoordinator: actorFor(app, await insertCoordinator(app.db, pl)),
      ltCoordinator: actorFor(app, await insertCoordinator(app.db, lt)),
      month: periodsOf(new Date(), 'Europe/Warsaw')[0],
      ltMonth: periodsOf(new Date(), 'Europe/Vilnius')[0],
    };
  }

  const valueOf = (figures: { kpi: string; scopeId: string; value: number | null }[], kpi: string, scope: string) =>
    figures.find((f) => f.kpi === kpi && f.scopeId === scope)?.value;

  it("gives a cluster's figures and its partner's side by side to the coordinators of either", async () => {
    const s = await cooperation();
    for (const reader of [s.plCoordinator, s.ltCoordinator]) {
      const data = await metrics.clusterFigures(reader, s.pl, [s.month, s.ltMonth]);
      expect(data.partner?.id).toBe(s.lt);
      expect(valueOf(data.figures, 'orders-posted', s.pl)).toBe(1);
      expect(valueOf(data.figures, 'packages-awarded', s.pl)).toBe(1);
      expect(valueOf(data.figures, 'new-pl-lt-pairs', s.pl)).toBe(1);
    }
    const series = await metrics.clusterSeries(s.plCoordinator, s.pl, s.month, s.month, ['orders-posted']);
    expect(series.series).toEqual([
      { kpi: 'orders-posted', unit: 'count', points: [{ period: s.month, cluster: 1, partner: 0 }] },
    ]);
    const only = await metrics.clusterFigures(s.plCoordinator, s.pl, [s.month], ['orders-posted']);
    expect(new Set(only.figures.map((f) => f.kpi))).toEqual(new Set(['orders-posted']));

    const [pair] = await metrics.topPairs(s.ltCoordinator, s.pl, s.month, 5);
    expect(pair).toMatchObject({ awards: 1, crossBorder: true });
    expect(pair.firms.map((f) => f.id).sort()).toEqual([s.buyer.firmId, s.supplier.firmId].sort());

    const stranger = actorFor(app, await insertCoordinator(app.db, await insertCluster(app.db, 'PL')));
    expect((await domainError(metrics.topPairs(stranger, s.pl, s.month, 5))).code).toBe('CLUSTER_NOT_FOUND');
    expect((await domainError(metrics.clusterFigures(stranger, s.pl, [s.month]))).code).toBe('CLUSTER_NOT_FOUND');
    expect((await domainError(metrics.clusterFigures(s.buyer.admin, s.pl, [s.month]))).code).toBe('CLUSTER_NOT_FOUND');
    const bad = await domainError(metrics.clusterFigures(s.plCoordinator, s.pl, [s.month], ['orders', 'no-such']));
    expect(bad.problems[0]).toMatchObject({ field: 'kpis.0', reason: 'UNKNOWN_KPI' });
  });

  it("gives a firm its own benefit statement, and its clusters' coordinators; nobody else", async () => {
    const s = await cooperation();
    const own = await metrics.firmFigures(s.supplier.admin, s.supplier.firmId, s.ltMonth);
    expect(valueOf(own, 'packages-awarded', s.supplier.firmId)).toBe(1);
    expect(valueOf(own, 'new-pl-lt-pairs', s.supplier.firmId)).toBe(1);
    expect(valueOf(own, 'value-awarded-pln', s.supplier.firmId)).toBe(250_000);
    await expect(metrics.firmFigures(s.ltCoordinator, s.supplier.firmId, s.ltMonth)).resolves.toHaveLength(own.length);
    const statement = await metrics.firmStatement(s.supplier.admin, s.supplier.firmId, s.ltMonth);
    expect(statement.find((f) => f.kpi === 'packages-awarded')).toEqual({
      kpi: 'packages-awarded',
      unit: 'count',
      value: 1,
    });
    for (const other of [s.buyer.admin, s.plCoordinator]) {
      expect((await domainError(metrics.firmFigures(other, s.supplier.firmId, s.ltMonth))).code).toBe('FIRM_NOT_FOUND');
    }
    expect((await domainError(metrics.firmFigures(s.supplier.admin, s.supplier.firmId, 'March'))).field).toBe('period');
  });

  it('fills the periodic report from the roll-up, naming the rate the awards used; it renders to one PDF page', async () => {
    const [{ day }] = await app.db.query(
      `INSERT INTO exchange_rate (source, base, quote, rate, effective_date, table_no)
       VALUES ('NBP', 'EUR', 'PLN', 4.2512, current_date - 3, '001/A/NBP/test')
       RETURNING to_char(effective_date, 'YYYY-MM-DD') AS day`,
    );
    const s = await cooperation();
    const report = await metrics.clusterReport(s.plCoordinator, s.pl, s.month, new Date('2026-11-26T12:00:00Z'));
    expect(report.series).toHaveLength(12);
    expect(report.kpis['orders-posted'][s.month]).toEqual({ cluster: 1, partner: 0 });
    expect(report.partner?.id).toBe(s.lt);
    expect(report.rates).toEqual({ source: 'NBP', firstRateDate: day, lastRateDate: day });
    const pdf = await renderClusterReportPdf(report, 'lt');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lists the periods of a series, and names the field of a bad one', () => {
    expect(MetricsQueryService.periodsBetween('2025-11', '2026-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(MetricsQueryService.periodsBetween('2025-Q4', '2026-Q1')).toEqual(['2025-Q4', '2026-Q1']);
    expect(MetricsQueryService.periodsBetween('2025', '2026')).toEqual(['2025', '2026']);
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { problems: { field: string; reason: string }[] }).problems[0];
      }
      return undefined;
    };
    expect(field(() => MetricsQueryService.periodsBetween('2026-13', '2026-12'))).toMatchObject({ field: 'from' });
    expect(field(() => MetricsQueryService.periodsBetween('2026-01', '2026-Q2'))).toMatchObject({
      field: 'to',
      reason: 'GRAIN',
    });
    expect(field(() => MetricsQueryService.periodsBetween('2026-05', '2026-01'))).toMatchObject({
      reason: 'BEFORE_FROM',
    });
    expect(field(() => MetricsQueryService.periodsBetween('2020-01', '2026-01'))).toMatchObject({ reason: 'TOO_MANY' });
  });
});
