import { insertCluster, insertCoordinator } from '@kooperant/identity/testing';
import { actorFor } from '@kooperant/orders/testing';
import { domainError, type TestApp } from '@kooperant/platform-testing';
import { appWithHandedOverOrders, type HandedOverOrders } from '../../testing/handed-over-orders';
import { MetricsQueryService } from './metrics-query.service';
import { HandoverBreakdownService } from './handover-breakdown.service';

/** On-time hand-overs per step and per firm, from real hand-overs on time and late, and who may read them. */
describe('HandoverBreakdownService', () => {
  let app: TestApp;
  let handovers: HandoverBreakdownService;
  let s: HandedOverOrders;

  beforeAll(async () => {
    // The tests only read: one cooperation for all of them.
    ({ app, s } = await appWithHandedOverOrders());
    handovers = app.get(HandoverBreakdownService);
  });

  afterAll(() => app?.close());

  const step = (code: string, name: string, n: number, onTime: number, onTimeRate: number | null) => ({
    process: expect.objectContaining({ code, name }),
    handovers: n,
    onTime,
    onTimeRate,
  });

  it("breaks a cluster's hand-overs down per process and per firm, as its KPI figures count them", async () => {
    const b = await handovers.cluster(s.plCoordinator, s.pl, s.month, 'pl', 10);
    // cut on time and the second order's cut late; bend late; coat on time.
    expect(b).toMatchObject({ scopeId: s.pl, period: s.month, handovers: 4, onTime: 2, onTimeRate: 0.5 });
    expect(b.byProcess).toEqual([
      step('process.laser-cutting', 'cięcie laserowe', 2, 1, 0.5),
      step('process.powder-coating', 'malowanie proszkowe', 1, 1, 1),
      step('process.press-brake-bending', 'gięcie blach na prasie krawędziowej', 1, 0, 0),
    ]);
    expect(b.byFirm.map((f) => [f.firm.id, f.firm.country, f.handovers, f.onTime, f.onTimeRate])).toEqual([
      [s.lithuanian.firmId, 'LT', 2, 2, 1],
      [s.polish.firmId, 'PL', 2, 0, 0],
    ]);
    const top = await handovers.cluster(s.ltCoordinator, s.pl, s.month, 'lt', 1);
    expect(top.byFirm.map((f) => f.firm.id)).toEqual([s.lithuanian.firmId]);
    expect(top.byProcess[0].process?.name).toBe('lazerinis pjovimas');

    const figures = await app.get(MetricsQueryService).clusterFigures(s.plCoordinator, s.pl, [s.month]);
    const kpi = (id: string) => figures.figures.find((f) => f.scopeId === s.pl && f.kpi === id)?.value;
    expect([b.handovers, b.onTime, b.onTimeRate]).toEqual([
      kpi('handovers'),
      kpi('handovers-on-time'),
      kpi('on-time-rate'),
    ]);
  });

  it("breaks a firm's own hand-overs down per process, as its KPI figures count them", async () => {
    const b = await handovers.firm(s.polish.admin, s.polish.firmId, s.month, 'en');
    expect(b).toMatchObject({ handovers: 2, onTime: 0, onTimeRate: 0 });
    expect(b.byProcess).toEqual([
      step('process.laser-cutting', 'laser cutting', 1, 0, 0),
      step('process.press-brake-bending', 'press-brake bending', 1, 0, 0),
    ]);
    const lt = await handovers.firm(s.ltCoordinator, s.lithuanian.firmId, s.ltMonth, 'lt');
    expect([lt.handovers, lt.onTime, lt.onTimeRate, lt.byFirm.map((f) => f.firm.id)]).toEqual([
      2,
      2,
      1,
      [s.lithuanian.firmId],
    ]);
    const own = await app.get(MetricsQueryService).firmFigures(s.lithuanian.admin, s.lithuanian.firmId, s.ltMonth);
    const kpi = (id: string) => own.find((f) => f.kpi === id)?.value;
    expect([lt.handovers, lt.onTime, lt.onTimeRate]).toEqual([
      kpi('handovers'),
      kpi('handovers-on-time'),
      kpi('on-time-rate'),
    ]);
    // The partner cluster's orders had none; a period without any has no rate.
    const partner = await handovers.cluster(s.ltCoordinator, s.lt, s.ltMonth, 'lt', 10);
    expect(partner).toMatchObject({ handovers: 0, onTime: 0, onTimeRate: null, byProcess: [], byFirm: [] });
  });

  it('is for the coordinators of the cluster or its partner, and for the firm and its clusters’ coordinators', async () => {
    const stranger = actorFor(app, await insertCoordinator(app.db, await insertCluster(app.db, 'PL')));
    for (const other of [stranger, s.buyer.admin]) {
      const e = await domainError(handovers.cluster(other, s.pl, s.month, 'en', 10));
      expect(e.code).toBe('CLUSTER_NOT_FOUND');
    }
    // A firm's own figures are its benefit statement's: the partner cluster's coordinators do not read them.
    for (const other of [stranger, s.buyer.admin, s.plCoordinator]) {
      const e = await domainError(handovers.firm(other, s.lithuanian.firmId, s.ltMonth, 'en'));
      expect(e.code).toBe('FIRM_NOT_FOUND');
    }
    expect((await domainError(handovers.cluster(s.plCoordinator, s.pl, 'March', 'en', 10))).field).toBe('period');
  });
});
