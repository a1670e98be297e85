import { baseUrl, gql, gqlOk } from './support/gql';
import { clusterIds, signInLtCoordinator, signInPlCoordinator, verifiedPolishFirm } from './support/actors';

interface ClusterKpis {
  clusterKpis: {
    partnerClusterId: string | null;
    periods: string[];
    kpis: { kpi: string; title: string; unit: string; points: { period: string; cluster: number | null }[] }[];
  };
}

const month = (d = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit' })
    .format(d)
    .slice(0, 7);

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

  it('downloads the periodic report as a PDF and the KPI table as CSV, for coordinators only', async () => {
    const pl = await signInPlCoordinator();
    const clusters = await clusterIds(pl);
    const url = (path: string) => `${baseUrl()}/metrics/clusters/${clusters.pl}/${path}`;
    const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

    const pdf = await fetch(url(`report.pdf?period=${month()}&lang=pl`), auth(pl));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const csv = await fetch(url(`kpis.csv?from=2026-01&to=${month()}&lang=pl`), auth(pl));
    expect(csv.status).toBe(200);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    expect((await fetch(url(`report.pdf?period=${month()}`))).status).toBe(401);
    const firm = await verifiedPolishFirm();
    const refused = await fetch(url(`report.pdf?period=${month()}`), auth(firm.token));
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('CLUSTER_NOT_FOUND');
    const badLang = await fetch(url(`report.pdf?period=${month()}&lang=de`), auth(pl));
    expect(badLang.status).toBe(400);
  });
});
