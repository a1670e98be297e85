import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { publishedOffer } from '@kooperant/catalogue/testing';
import { award, leg, openOrder, pkg, submitQuote, verifiedFirm } from '@kooperant/orders/testing';
import { createTestApp, type TestApp } from '@kooperant/platform-testing';
import { MatchingModule } from '../matching.module';
import { PackageRankingService, type PackageRanking } from './package-ranking.service';

const BENDING = {
  title: 'Gięcie blach na prasie krawędziowej',
  description: 'Gięcie blach stalowych do 6 mm na prasie krawędziowej CNC.',
  processCodes: ['process.press-brake-bending'],
  capacity: { maxThicknessMm: 6 },
};

describe('PackageRankingService', () => {
  let app: TestApp;
  let ranking: PackageRankingService;

  beforeAll(async () => {
    app = await createTestApp([MatchingModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    ranking = app.get(PackageRankingService);
  });

  beforeEach(() => app.reset(['taxonomy_entry']));

  afterAll(() => app?.close());

  const of = (r: PackageRanking[], key: string) => r.find((p) => p.key === key) as PackageRanking;

  it('ranks the firms that pass every hard constraint, once each, and counts why the others were refused', async () => {
    const buyer = await verifiedFirm(app, 'PL');
    const view = await openOrder(app, buyer);
    const [plLaser, ltLaser, thinOnly] = await Promise.all([
      verifiedFirm(app, 'PL'),
      verifiedFirm(app, 'LT'),
      verifiedFirm(app, 'PL'),
    ]);
    await publishedOffer(app, plLaser, { leadTimeDays: 4 });
    await publishedOffer(app, plLaser, { leadTimeDays: 12, capacity: { maxThicknessMm: 20 } });
    await publishedOffer(app, ltLaser, {
      language: 'lt',
      title: 'Lazerinis pjovimas',
      description: 'Lazerinis plieno lakštų pjovimas.',
    });
    await publishedOffer(app, thinOnly, { capacity: { maxThicknessMm: 2 } });
    await publishedOffer(app, buyer, {});

    const cut = of(await ranking.rankOrder(view.order.id), 'cut');

    expect(cut.considered).toBe(5);
    expect(cut.refused).toEqual({ THICKNESS: 1, BUYER_ITSELF: 1 });
    expect(cut.matches.map((m) => m.candidate.firmId).sort()).toEqual([plLaser.firmId, ltLaser.firmId].sort());
    const totals = cut.matches.map((m) => m.score.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    for (const m of cut.matches) {
      expect(m.score.parts.map((p) => p.name)).toEqual([
        'capability',
        'leadTime',
        'distance',
        'performance',
        'load',
        'crossBorder',
      ]);
      expect(m.score.parts.every((p) => p.explanation.length > 0)).toBe(true);
    }
    expect(cut.matches.find((m) => m.candidate.firmId === ltLaser.firmId)?.score.parts[5].value).toBe(1);
  });

  it('counts the firm already awarded a neighbouring step in the distance part', async () => {
    const buyer = await verifiedFirm(app, 'PL');
    const view = await openOrder(app, buyer);
    const [ltCutter, ltBender] = await Promise.all([verifiedFirm(app, 'LT', buyer.clusterId), verifiedFirm(app, 'LT')]);
    await publishedOffer(app, ltBender, BENDING);
    const distanceOfBender = async () =>
      of(await ranking.rankOrder(view.order.id), 'bend').matches[0].score.parts.find((p) => p.name === 'distance');

    const before = await distanceOfBender();
    const quote = await submitQuote(app, ltCutter, view.order.id, [leg(pkg(view, 'cut'))]);
    await award(app, buyer, pkg(view, 'cut'), quote.quote.id);
    const after = await distanceOfBender();

    // The cutter in Alytus is next door to the bender there: the mean distance to the step's neighbours falls.
    expect(after?.value).toBeGreaterThan(before?.value ?? 1);
    expect(after?.explanation).toContain('neighbouring steps');
  });
});
