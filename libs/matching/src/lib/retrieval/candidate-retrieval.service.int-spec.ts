import { randomUUID } from 'node:crypto';
import { OfferService, seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { createOffer, publishedOffer, verifiedFirm } from '@kooperant/catalogue/testing';
import { openOrder } from '@kooperant/orders/testing';
import { createTestApp, type TestApp } from '@kooperant/platform-testing';
import { MatchingModule } from '../matching.module';
import { proposeChains } from '../chain/chain-search';
import { rejections, type Candidate } from '../scoring/candidate';
import { CandidateRetrievalService } from './candidate-retrieval.service';

describe('CandidateRetrievalService', () => {
  let app: TestApp;
  let retrieval: CandidateRetrievalService;

  beforeAll(async () => {
    app = await createTestApp([MatchingModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    retrieval = app.get(CandidateRetrievalService);
  });

  beforeEach(() => app.reset(['taxonomy_entry']));

  afterAll(() => app?.close());

  it("reads an order's chain: each package's needs, taxonomy expanded, and what it follows", async () => {
    const buyer = await verifiedFirm(app, 'PL');
    const view = await openOrder(app, buyer, { currency: 'EUR' });
    const { packages } = await retrieval.chainOf(view.order.id);

    expect(packages.map((p) => p.need.key)).toEqual(['cut', 'bend', 'coat']);
    const [cut, bend, coat] = packages;
    expect(cut.after).toEqual([]);
    expect(bend.after).toEqual([cut.need.packageId]);
    expect(coat.after).toEqual([bend.need.packageId]);
    expect(cut.need).toMatchObject({
      buyerFirmId: buyer.firmId,
      buyerCountry: 'PL',
      deliveryCountry: 'PL',
      currency: 'EUR',
      quantity: 120,
      thicknessMm: 4,
    });
    const snap = await app.get(TaxonomyService).snapshot();
    const laser = snap.byCode.get('process.laser-cutting');
    expect(cut.need.acceptedProcessIds).toContain(laser?.id);
    // Coating names no material: any will do.
    expect(coat.need.acceptedMaterialIds).toBeNull();
  });

  it('finds the published offers whose process fits, with the firm behind each, and nothing else', async () => {
    const buyer = await verifiedFirm(app, 'PL');
    const view = await openOrder(app, buyer);
    const [laserLt, coaterPl, laserArchivedFirm] = await Promise.all([
      verifiedFirm(app, 'LT'),
      verifiedFirm(app, 'PL'),
      verifiedFirm(app, 'PL'),
    ]);
    const laserOffer = await publishedOffer(app, laserLt, {
      language: 'lt',
      title: 'Lazerinis pjovimas',
      description: 'Lazerinis plieno lakštų pjovimas, mažos serijos.',
      price: { amountMinor: 1_250, currency: 'PLN', unit: 'pcs' },
      leadTimeDays: 6,
    });
    await publishedOffer(app, coaterPl, {
      title: 'Malowanie proszkowe',
      description: 'Malowanie proszkowe elementów stalowych w kabinie.',
      processCodes: ['process.powder-coating'],
      materialCodes: [],
    });
    // An archived offer and a draft are no candidates.
    const archived = await publishedOffer(app, laserArchivedFirm);
    await app.get(OfferService).archiveOffer(laserArchivedFirm.admin, archived.id);
    await createOffer(app, laserArchivedFirm);

    const { packages } = await retrieval.chainOf(view.order.id);
    const cut = packages[0].need;
    const found = await retrieval.candidatesFor(cut);

    expect(found.map((c) => c.offerId)).toEqual([laserOffer.id]);
    const [c] = found;
    expect(c).toMatchObject({
      firmId: laserLt.firmId,
      firmCountry: 'LT',
      firmVerified: true,
      offerPublished: true,
      leadTimeDays: 6,
      // 12.50 PLN a piece × 120 pieces, in the order's currency.
      priceMinor: 150_000,
      onTimeRate: null,
      activePackages: 0,
    });
    expect(c.countriesServed).toEqual(['PL', 'LT']);
    expect(rejections(cut, c, new Date())).toEqual([]);

    const coat = await retrieval.candidatesFor(packages[2].need);
    expect(coat.map((x) => x.firmId)).toEqual([coaterPl.firmId]);
  });

  it('leaves a price in another currency than the order unpriced, and counts the on-time record of hand-overs', async () => {
    const buyer = await verifiedFirm(app, 'PL');
    const view = await openOrder(app, buyer, { currency: 'EUR' });
    const supplier = await verifiedFirm(app, 'LT');
    await publishedOffer(app, supplier, { price: { amountMinor: 300, currency: 'PLN', unit: 'pcs' } });
    for (const onTime of [true, true, false]) {
      await app.db.query(
        `INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, payload)
         VALUES ($1, 'package.handed-over', 'order', $2, $3)`,
        [randomUUID(), view.order.id, JSON.stringify({ firmId: supplier.firmId, onTime, packageId: randomUUID() })],
      );
    }

    const { packages } = await retrieval.chainOf(view.order.id);
    const [c] = await retrieval.candidatesFor(packages[0].need);

    expect(c.priceMinor).toBeNull();
    expect(c.onTimeRate).toBeCloseTo(2 / 3);
  });
  it('feeds the chain search: a proposal from real offers, or the package nobody can do', async () => {
    const buyer = await verifiedFirm(app, 'PL');
    const view = await openOrder(app, buyer);
    const [cutBend, coater] = await Promise.all([verifiedFirm(app, 'LT'), verifiedFirm(app, 'PL')]);
    await publishedOffer(app, cutBend, {
      processCodes: ['process.laser-cutting', 'process.press-brake-bending'],
      price: { amountMinor: 900, currency: 'PLN', unit: 'pcs' },
      leadTimeDays: 5,
    });
    const { packages } = await retrieval.chainOf(view.order.id);
    const candidates = async () =>
      new Map<string, Candidate[]>(
        await Promise.all(
          packages.map(async (p) => [p.need.packageId, await retrieval.candidatesFor(p.need)] as [string, Candidate[]]),
        ),
      );

    // Nobody coats yet: the search names the package and how many offers it looked at.
    const none = proposeChains(packages, await candidates(), new Date());
    expect(none.chains).toEqual([]);
    expect(none.noChain).toMatchObject({ key: 'coat', considered: 0 });

    await publishedOffer(app, coater, {
      title: 'Malowanie proszkowe',
      description: 'Malowanie proszkowe elementów stalowych w kabinie.',
      processCodes: ['process.powder-coating'],
      materialCodes: [],
      leadTimeDays: 3,
    });
    const found = proposeChains(packages, await candidates(), new Date());
    expect(found.noChain).toBeNull();
    const [best] = found.chains;
    expect(best.steps.map((s) => [s.key, s.candidate.firmId])).toEqual([
      ['cut', cutBend.firmId],
      ['bend', cutBend.firmId],
      ['coat', coater.firmId],
    ]);
    // LT bends, PL coats: the work crosses the border once on its way.
    expect(best.borderCrossings).toBe(1);
    expect(best.priceEstimated).toBe(true);
  });
});
