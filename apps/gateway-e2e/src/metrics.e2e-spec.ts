import { KPI_DEFINITIONS } from '@kooperant/metrics';
import { waitFor } from '@kooperant/platform-testing';
import { baseUrl, gql, gqlOk } from './support/gql';
import { clusterIds, offerInput, signInLtCoordinator, signInPlCoordinator, verifiedPolishFirm } from './support/actors';
import { kpiCsvFigures } from './support/kpi-csv';

interface ClusterKpis {
  clusterKpis: {
    partnerClusterId: string | null;
    periods: string[];
    kpis: {
      kpi: string;
      title: string;
      unit: string;
      points: { period: string; cluster: number | null; partner: number | null }[];
    }[];
  };
}

/** The current month on a zone's calendar, as a period key (2026-11). */
const month = (zone = 'Europe/Warsaw') =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);

const ALL_KPIS = `query($c: UUID!, $f: String!, $t: String!, $l: Locale) {
  clusterKpis(clusterId: $c, from: $f, to: $t, language: $l) {
    partnerClusterId periods kpis { kpi title unit points { period cluster partner } } } }`;

describe('cooperation KPIs over GraphQL and as downloads', () => {
  it('gives coordinators of both clusters the KPIs side by side, in their language', async () => {
    const [pl, lt] = await Promise.all([signInPlCoordinator(), signInLtCoordinator()]);
    const clusters = await clusterIds(pl);
    const query = `query($c: UUID!, $f: String!, $t: String!) {
      clusterKpis(clusterId: $c, from: $f, to: $t, kpis: ["orders-posted", "cross-border-share"], language: lt) {
        partnerClusterId periods kpis { kpi title unit points { period cluster partner } } } }`;
    for (const token of [pl, lt]) {
      const { clusterKpis } = await gqlOk<ClusterKpis>(query, { c: clusters.pl, f: '2026-01', t: month() }, token);
      expect(clusterKpis.partnerClusterId).toBe(clusters.lt);
      expect(clusterKpis.kpis.map((k) => k.kpi)).toEqual(['orders-posted', 'cross-border-share']);
      expect(clusterKpis.kpis[1].unit).toBe('ratio');
      expect(clusterKpis.kpis[0].points.map((p) => p.period)).toEqual(clusterKpis.periods);
      expect(clusterKpis.kpis[0].title).not.toBe('Orders posted'); // Lithuanian
    }
    const pairs = `query($c: UUID!, $p: String!) { topCooperatingPairs(clusterId: $c, period: $p, first: 5) {
      awards crossBorder firms { name country } } }`;
    const top = await gqlOk<{ topCooperatingPairs: { awards: number }[] }>(pairs, { c: clusters.pl, p: month() }, lt);
    expect(Array.isArray(top.topCooperatingPairs)).toBe(true);
    const firm = await verifiedPolishFirm();
    const refused = await gql(pairs, { c: clusters.pl, p: month() }, firm.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CLUSTER_NOT_FOUND');
    const bad = await gql(query, { c: clusters.pl, f: '2026-1', t: month() }, pl);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'from' });
  });

  it("shows a firm its own benefit statement and never another firm's", async () => {
    const [a, b] = await Promise.all([verifiedPolishFirm(), verifiedPolishFirm()]);
    const query = `query($f: UUID!, $p: String!) { firmBenefitStatement(firmId: $f, period: $p) { firmId figures { kpi value } } }`;
    const own = await gqlOk<{ firmBenefitStatement: { firmId: string; figures: { kpi: string }[] } }>(
      query,
      { f: a.firmId, p: month() },
      a.token,
    );
    expect(own.firmBenefitStatement.firmId).toBe(a.firmId);
    expect(own.firmBenefitStatement.figures.map((f) => f.kpi)).toContain('on-time-rate');
    const other = await gql(query, { f: a.firmId, p: month() }, b.token);
    expect(other.errors?.[0]?.extensions?.code).toBe('FIRM_NOT_FOUND');
  });

  it("shows a firm's activity to its members and both clusters' coordinators, and never to another firm", async () => {
    const [a, b] = await Promise.all([verifiedPolishFirm(), verifiedPolishFirm()]);
    const [pl, lt] = await Promise.all([signInPlCoordinator(), signInLtCoordinator()]);
    const offer = await gqlOk<{ createOffer: { id: string } }>(
      `mutation($i: CreateOfferInput!) { createOffer(input: $i) { id } }`,
      { i: offerInput(a.firmId) },
      a.token,
    );
    await gqlOk(
      `mutation($i: OfferIdInput!) { publishOffer(input: $i) { id } }`,
      { i: { offerId: offer.createOffer.id } },
      a.token,
    );
    const query = `query($f: UUID!, $m: String!) {
      firmActivity(firmId: $f, from: $m, to: $m, kpis: ["offers-published"], language: pl) {
        firm { id country } periods kpis { kpi title points { period value } }
        events(first: 5) { edges { cursor node { kind at offerId title } } pageInfo { hasNextPage endCursor } } } }`;
    type Activity = {
      firmActivity: {
        firm: { id: string };
        kpis: { points: { value: number | null }[] }[];
        events: { edges: { node: { kind: string; offerId: string | null } }[] };
      };
    };
    // The worker rolls the publication up into the KPIs; then the firm and the coordinators of both clusters see it.
    for (const token of [a.token, pl, lt]) {
      const seen = await waitFor(
        'the offer in the firm’s activity',
        async () => {
          const r = await gqlOk<Activity>(query, { f: a.firmId, m: month() }, token);
          // The series is read before the events (they are a field of their own): wait until one read has both.
          const activity = r.firmActivity;
          return activity.events.edges.length && activity.kpis[0].points[0].value !== null ? activity : null;
        },
        { ms: 20_000 },
      );
      expect(seen.firm.id).toBe(a.firmId);
      expect(seen.events.edges[0].node).toEqual(
        expect.objectContaining({ kind: 'offer_published', offerId: offer.createOffer.id }),
      );
      expect(seen.kpis[0].points[0].value).toBe(1);
    }
    for (const [token, code] of [
      [b.token, 'FIRM_NOT_FOUND'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const refused = await gql(query, { f: a.firmId, m: month() }, token);
      expect(refused.errors?.[0]?.extensions?.code).toBe(code);
      expect(refused.data?.['firmActivity'] ?? null).toBeNull();
    }
    const steps = `query($c: UUID!, $p: String!) { clusterHandovers(clusterId: $c, period: $p, language: lt, first: 3) {
      handovers onTime onTimeRate byProcess { process { code name } handovers } byFirm { firm { name } onTimeRate } } }`;
    const { pl: plCluster } = await clusterIds(pl);
    const own = await gql<{ clusterHandovers: { handovers: number } }>(steps, { c: plCluster, p: month() }, lt);
    expect(own.errors).toBeUndefined();
    expect(typeof own.data?.clusterHandovers.handovers).toBe('number');
    const firmRefused = await gql(steps, { c: plCluster, p: month() }, a.token);
    expect(firmRefused.errors?.[0]?.extensions?.code).toBe('CLUSTER_NOT_FOUND');
  });

  it("gives each coordinator the demo's KPIs beside the partner's, the same figures as CSV, and the report in Polish and Lithuanian", async () => {
    const [pl, lt] = await Promise.all([signInPlCoordinator(), signInLtCoordinator()]);
    const clusters = await clusterIds(pl);
    // The demo's orders are posted at seed time, in the current month of each cluster's zone (exact figures:
    // apps/cli/src/commands/demo-kpis.int-spec.ts; here other suites add to the same clusters and month).
    const demoInPl = { 'orders-posted': 4, 'packages-awarded': 9, 'new-pl-lt-pairs': 1, 'handovers-on-time': 4 };
    const sides = [
      { token: pl, own: clusters.pl, partner: clusters.lt, lang: 'pl', period: month('Europe/Warsaw') },
      { token: lt, own: clusters.lt, partner: clusters.pl, lang: 'lt', period: month('Europe/Vilnius') },
    ] as const;
    const kpisOf = async (s: (typeof sides)[number]) =>
      (await gqlOk<ClusterKpis>(ALL_KPIS, { c: s.own, f: s.period, t: s.period, l: s.lang }, s.token)).clusterKpis;
    const value = (k: ClusterKpis['clusterKpis'], kpi: string, side: 'cluster' | 'partner') =>
      k.kpis.find((x) => x.kpi === kpi)?.points[0][side] ?? null;
    // The worker rolls the demo's events up after the gateway is ready.
    await waitFor("the demo's awards in the Polish cluster's KPIs", async () => {
      const k = await kpisOf(sides[0]);
      return Object.entries(demoInPl).every(([kpi, n]) => (value(k, kpi, 'cluster') ?? 0) >= n);
    });

    for (const s of sides) {
      const url = (path: string) => `${baseUrl()}/metrics/clusters/${s.own}/${path}`;
      const get = (path: string) => fetch(url(path), { headers: { authorization: `Bearer ${s.token}` } });
      // GraphQL and CSV read while no figure changed in between (other suites add orders and awards meanwhile).
      const read = async () => {
        const before = await kpisOf(s);
        const csv = await get(`kpis.csv?from=${s.period}&to=${s.period}&lang=${s.lang}`);
        const report = await get(`kpis.csv?period=${s.period}&lang=${s.lang}`);
        const after = await kpisOf(s);
        return JSON.stringify(before) === JSON.stringify(after) ? { kpis: after, csv, report } : null;
      };
      const { kpis, csv, report } = await waitFor('an unchanged read of the KPIs', read, { ms: 20_000 });
      expect(kpis.partnerClusterId).toBe(s.partner);
      expect(kpis.kpis.map((k) => k.kpi)).toEqual(KPI_DEFINITIONS.map((k) => k.id));
      for (const [kpi, n] of Object.entries(demoInPl)) {
        expect(value(kpis, kpi, s.own === clusters.pl ? 'cluster' : 'partner')).toBeGreaterThanOrEqual(n);
      }

      // The KPI table: the rows that have a figure, with the GraphQL values (money in major units there).
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = Buffer.from(await csv.arrayBuffer());
      expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const table = kpiCsvFigures(bytes.toString('utf8'));
      const graphql = new Map<string, number | null>();
      for (const k of kpis.kpis) {
        for (const p of k.points) {
          graphql.set(`${s.own}|${p.period}|${k.kpi}`, p.cluster);
          graphql.set(`${s.partner}|${p.period}|${k.kpi}`, p.partner);
        }
      }
      const withValue = (m: Map<string, number | null>) => new Map([...m].filter(([, v]) => v !== null));
      expect(withValue(table)).toEqual(withValue(graphql));
      expect([...table.keys()].every((key) => graphql.has(key))).toBe(true);
      // The report's own table (what the PDF shows): every KPI of both clusters in the period, null where none.
      expect(report.status).toBe(200);
      const reported = kpiCsvFigures(await report.text());
      expect(new Map([...reported].filter(([key]) => key.split('|')[1] === s.period))).toEqual(graphql);

      for (const lang of ['pl', 'lt']) {
        const pdf = await get(`report.pdf?period=${s.period}&lang=${lang}`);
        expect(pdf.status).toBe(200);
        expect(pdf.headers.get('content-type')).toBe('application/pdf');
        expect(pdf.headers.get('content-disposition')).toContain(`kooperant-${s.period}-${lang}.pdf`);
        const body = Buffer.from(await pdf.arrayBuffer());
        expect(body.subarray(0, 5).toString()).toBe('%PDF-');
        expect(body.subarray(-8).toString()).toContain('%%EOF');
      }
    }
  });

  it('serves the downloads to coordinators only', async () => {
    const pl = await signInPlCoordinator();
    const clusters = await clusterIds(pl);
    const url = (path: string) => `${baseUrl()}/metrics/clusters/${clusters.pl}/${path}`;
    expect((await fetch(url(`report.pdf?period=${month()}`))).status).toBe(401);
    const firm = await verifiedPolishFirm();
    const refused = await fetch(url(`kpis.csv?period=${month()}`), {
      headers: { authorization: `Bearer ${firm.token}` },
    });
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('CLUSTER_NOT_FOUND');
    const badLang = await fetch(url(`report.pdf?period=${month()}&lang=de`), {
      headers: { authorization: `Bearer ${pl}` },
    });
    expect(badLang.status).toBe(400);
  });
});
