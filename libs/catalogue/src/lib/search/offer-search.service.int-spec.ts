import { AccessService, ClusterService, type Actor } from '@kooperant/identity';
import { ErrorCode } from '@kooperant/platform-errors';
import { createTestApp, domainError, fieldsOf, type TestApp } from '@kooperant/platform-testing';
import { insertCluster, insertCoordinator, insertUser } from '@kooperant/identity/testing';
import { CatalogueModule } from '../catalogue.module';
import { OfferService } from '../offer/offer.service';
import { seedTaxonomy } from '../taxonomy/taxonomy-seeder';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { createOffer, publishedOffer, verifiedFirm } from '../testing/catalogue.factories';
import { OfferSearchService, type OfferSearchFilter } from './offer-search.service';

describe('OfferSearchService', () => {
  let app: TestApp;
  let search: OfferSearchService;
  /** A Lithuanian buyer with no firm: search is open to every signed-in user. */
  let buyer: Actor;

  const ids = async (query: string | undefined, filter?: OfferSearchFilter, first = 50): Promise<string[]> =>
    (await search.search(buyer, query, filter, first)).hits.map((h) => h.offer.id);

  /** Follows `after` cursors to the end; returns the ids in the order they came. */
  const allPages = async (query: string | undefined, first: number, filter?: OfferSearchFilter): Promise<string[]> => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 50; page++) {
      const r = await search.search(buyer, query, filter, first, after);
      expect(r.hits.length).toBeLessThanOrEqual(first);
      seen.push(...r.hits.map((h) => h.offer.id));
      if (!r.hasNextPage) return seen;
      after = r.hits[r.hits.length - 1].cursor;
    }
    throw new Error('pagination did not end');
  };

  const sorted = (xs: string[]) => [...xs].sort();

  beforeAll(async () => {
    app = await createTestApp([CatalogueModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    search = app.get(OfferSearchService);
  });

  beforeEach(async () => {
    await app.reset(['taxonomy_entry']);
    buyer = app.get(AccessService).actorFor(await insertUser(app.db, { locale: 'lt' }));
  });

  afterAll(() => app?.close());

  describe('across languages', () => {
    let milling: string;
    let welding: string;

    beforeEach(async () => {
      const pl = await verifiedFirm(app, 'PL');
      milling = (
        await publishedOffer(app, pl, {
          title: 'Frezowanie CNC korpusów aluminiowych',
          description: 'Frezowanie 5-osiowe, serie do 500 sztuk.',
          processCodes: ['process.cnc-milling'],
          materialCodes: ['material.aluminium'],
        })
      ).id;
      welding = (
        await publishedOffer(app, pl, {
          title: 'Spawanie MIG/MAG konstrukcji stalowych',
          description: 'Spawanie ram i konstrukcji.',
          processCodes: ['process.mig-mag-welding'],
        })
      ).id;
    });

    it('finds a Polish "Frezowanie CNC" offer by the Lithuanian query "frezavimas"', async () => {
      const r = await search.search(buyer, 'frezavimas', undefined, 10);
      expect(r.hits.map((h) => h.offer.id)).toEqual([milling]);
      expect(r.hits[0].matchedTaxonomy).toEqual([
        expect.objectContaining({ code: 'process.cnc-milling', termLocale: 'lt', queryWords: ['frezavimas'] }),
      ]);
      expect(r.hits[0].matchedTerms).toEqual(['frezavimas']);
      expect(r.hits[0].score).toBeGreaterThan(0);
    });

    it('finds the same Polish offer by the English query "CNC milling"', async () => {
      const r = await search.search(buyer, 'CNC milling', undefined, 10);
      expect(r.hits.map((h) => h.offer.id)).toEqual([milling]);
      expect(r.hits.map((h) => h.offer.id)).not.toContain(welding);
      expect(r.hits[0].matchedTaxonomy.map((m) => m.code)).toContain('process.cnc-milling');
      expect(r.hits[0].matchedTerms).toEqual(expect.arrayContaining(['cnc', 'milling']));
      expect(r.interpretation.map((m) => m.code)).toContain('process.cnc-milling');
    });
  });

  describe('stainless steel across languages', () => {
    let stainless: string;
    let structural: string;

    beforeEach(async () => {
      const pl = await verifiedFirm(app, 'PL');
      stainless = (
        await publishedOffer(app, pl, {
          title: 'Spawanie TIG stali nierdzewnej',
          description: 'Zbiorniki i balustrady ze stali nierdzewnej.',
          processCodes: ['process.tig-welding'],
          materialCodes: ['material.stainless-steel'],
        })
      ).id;
      structural = (
        await publishedOffer(app, pl, {
          title: 'Konstrukcje stalowe S355',
          processCodes: ['process.steel-structures'],
          materialCodes: ['material.structural-steel'],
        })
      ).id;
    });

    it('finds a stainless steel offer by "nerūdijantis plienas", and not a structural steel one', async () => {
      const found = await ids('nerūdijantis plienas');
      expect(found).toEqual([stainless]);
      expect(found).not.toContain(structural);
    });

    it('finds it by "nerudijantis plienas", typed without diacritics', async () => {
      const r = await search.search(buyer, 'nerudijantis plienas', undefined, 10);
      expect(r.hits.map((h) => h.offer.id)).toEqual([stainless]);
      expect(r.hits[0].matchedTaxonomy.map((m) => m.code)).toEqual(['material.stainless-steel']);
      expect(r.hits[0].matchedTerms).toEqual(expect.arrayContaining(['nerudijantis', 'plienas']));
    });
  });

  describe('filters', () => {
    it('filters by firm country', async () => {
      const pl = await publishedOffer(app, await verifiedFirm(app, 'PL'));
      const lt = await publishedOffer(app, await verifiedFirm(app, 'LT'), {
        language: 'lt',
        title: 'Lazerinis pjovimas',
      });

      expect(await ids('laser', { firmCountries: ['LT'] })).toEqual([lt.id]);
      expect(await ids(undefined, { firmCountries: ['pl'] })).toEqual([pl.id]);
      expect(sorted(await ids(undefined, { firmCountries: ['PL', 'LT'] }))).toEqual(sorted([pl.id, lt.id]));
    });

    it('filters by sheet thickness within each offer’s min..max range', async () => {
      const firm = await verifiedFirm(app, 'PL');
      const thin = await publishedOffer(app, firm, { capacity: { minThicknessMm: 0.5, maxThicknessMm: 3 } });
      const thick = await publishedOffer(app, firm, { capacity: { minThicknessMm: 2, maxThicknessMm: 20 } });
      const upTo6 = await publishedOffer(app, firm, { capacity: { maxThicknessMm: 6 } });
      await publishedOffer(app, firm, { capacity: null });

      expect(sorted(await ids(undefined, { thicknessMm: 3 }))).toEqual(sorted([thin.id, thick.id, upTo6.id]));
      expect(sorted(await ids(undefined, { thicknessMm: 10 }))).toEqual([thick.id]);
      expect(sorted(await ids(undefined, { thicknessMm: 1 }))).toEqual(sorted([thin.id, upTo6.id]));
      expect(await ids(undefined, { thicknessMm: 0.2 })).toEqual([upTo6.id]);
      expect(await ids('laser', { thicknessMm: 25 })).toEqual([]);
    });

    it('filters by maximum lead time', async () => {
      const firm = await verifiedFirm(app, 'PL');
      const fast = await publishedOffer(app, firm, { leadTimeDays: 5 });
      const twoWeeks = await publishedOffer(app, firm, { leadTimeDays: 14 });
      await publishedOffer(app, firm, { leadTimeDays: 30 });

      expect(sorted(await ids(undefined, { maxLeadTimeDays: 14 }))).toEqual(sorted([fast.id, twoWeeks.id]));
      expect(await ids('laser', { maxLeadTimeDays: 7 })).toEqual([fast.id]);
      expect(await ids(undefined, { maxLeadTimeDays: 0 })).toEqual([]);
    });

    it('filters by process with its descendants: process.cutting finds laser and plasma cutting', async () => {
      const firm = await verifiedFirm(app, 'PL');
      const laser = await publishedOffer(app, firm, { processCodes: ['process.laser-cutting'] });
      const plasma = await publishedOffer(app, firm, {
        title: 'Cięcie plazmowe blach grubych',
        processCodes: ['process.plasma-cutting'],
      });
      await publishedOffer(app, firm, { title: 'Frezowanie CNC', processCodes: ['process.cnc-milling'] });

      expect(sorted(await ids(undefined, { processCodes: ['process.cutting'] }))).toEqual(
        sorted([laser.id, plasma.id]),
      );
      expect(await ids(undefined, { processCodes: ['process.plasma-cutting'] })).toEqual([plasma.id]);
    });

    it('filters by cluster, counting only verified members of it', async () => {
      const clusterA = await insertCluster(app.db, 'PL');
      const clusterB = await insertCluster(app.db, 'LT');
      const member = await verifiedFirm(app, 'PL', clusterA);
      const pending = await verifiedFirm(app, 'LT', clusterB);
      const rejected = await verifiedFirm(app, 'LT', clusterB);
      const clusters = app.get(ClusterService);
      const coordinatorA = app.get(AccessService).actorFor(await insertCoordinator(app.db, clusterA));
      await clusters.requestMembership(pending.admin, pending.firmId, clusterA);
      const m = await clusters.requestMembership(rejected.admin, rejected.firmId, clusterA);
      await clusters.decideMembership(coordinatorA, m.id, false);
      const inA = await publishedOffer(app, member);
      const pendingOffer = await publishedOffer(app, pending);
      const rejectedOffer = await publishedOffer(app, rejected);

      expect(await ids(undefined, { clusterId: clusterA })).toEqual([inA.id]);
      expect(await ids('laser', { clusterId: clusterA })).toEqual([inA.id]);
      expect(sorted(await ids(undefined, { clusterId: clusterB }))).toEqual(
        sorted([pendingOffer.id, rejectedOffer.id]),
      );
    });

    it('filters by a served country', async () => {
      const firm = await verifiedFirm(app, 'PL');
      const toLv = await publishedOffer(app, firm, { countriesServed: ['PL', 'LT', 'LV'] });
      await publishedOffer(app, firm, { countriesServed: ['PL'] });

      expect(await ids(undefined, { servesCountry: 'lv' })).toEqual([toLv.id]);
    });

    it('requires every certification filter, each with its descendants', async () => {
      const firm = await verifiedFirm(app, 'PL');
      const both = await publishedOffer(app, firm, { certificationCodes: ['cert.iso-9001', 'cert.en-1090-exc2'] });
      await publishedOffer(app, firm, { certificationCodes: ['cert.iso-9001'] });
      await publishedOffer(app, firm, { certificationCodes: ['cert.en-1090-exc3'] });

      expect(await ids(undefined, { certificationCodes: ['cert.iso-9001', 'cert.en-1090'] })).toEqual([both.id]);
    });

    it('rejects unknown filter codes with VALIDATION_FAILED naming the filter field', async () => {
      const e = await domainError(
        search.search(buyer, 'laser', { processCodes: ['process.cutting', 'material.aluminium'] }, 10),
      );
      expect(e.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(fieldsOf(e)).toEqual(['filter.processCodes.1']);
    });
  });

  it('never shows drafts, archived, expired or past-their-date offers, with or without a query', async () => {
    const firm = await verifiedFirm(app, 'PL');
    const offers = app.get(OfferService);
    const live = await publishedOffer(app, firm);
    await createOffer(app, firm);
    const archived = await publishedOffer(app, firm);
    await offers.archiveOffer(firm.admin, archived.id);
    const expired = await publishedOffer(app, firm);
    const pastDue = await publishedOffer(app, firm);
    await app.db.query(`UPDATE offer SET valid_until = now() - interval '1 day' WHERE id = $1`, [expired.id]);
    expect(await offers.expireOffers(new Date())).toBe(1);
    // Past its date, but the expiry job has not run yet: still 'published' in the table.
    await app.db.query(`UPDATE offer SET valid_until = now() - interval '1 minute' WHERE id = $1`, [pastDue.id]);

    expect(await ids('cięcie laserowe')).toEqual([live.id]);
    expect(await ids('laser')).toEqual([live.id]);
    expect(await ids(undefined)).toEqual([live.id]);
    expect(await ids(undefined, { processCodes: ['process.laser-cutting'] })).toEqual([live.id]);
  });

  describe('pagination', () => {
    it('returns every offer matching a query exactly once across pages, best first', async () => {
      const firm = await verifiedFirm(app, 'PL');
      const texts = [
        'Laser laser laser: cięcie laserowe',
        'Cięcie laserowe rur',
        'Laser fiber 6 kW',
        'Wycinanie laserowe detali',
        'Cięcie blach',
        'Cięcie blach',
        'Cięcie blach',
        'Laserowe cięcie aluminium laser',
      ];
      const created: string[] = [];
      for (const title of texts) created.push((await publishedOffer(app, firm, { title })).id);
      await publishedOffer(app, firm, { title: 'Frezowanie CNC', processCodes: ['process.cnc-milling'] });

      const paged = await allPages('laser', 3);

      expect(paged).toHaveLength(created.length);
      expect(sorted(paged)).toEqual(sorted(created));
      const onePage = await search.search(buyer, 'laser', undefined, 100);
      expect(paged).toEqual(onePage.hits.map((h) => h.offer.id));
      const scores = onePage.hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('returns every offer exactly once across pages without a query, newest first', async () => {
      const firm = await verifiedFirm(app, 'LT');
      const created: string[] = [];
      for (let i = 0; i < 7; i++) created.push((await publishedOffer(app, firm, { title: `Oferta ${i}` })).id);
      // Distinct whole-millisecond publication times, two of them equal (ties are broken by id). Times that
      // differ below the millisecond are the next test's subject.
      await app.db.query(
        `UPDATE offer SET published_at = timestamptz '2026-03-01 10:00:00+00' + make_interval(mins => CASE WHEN n = 1 THEN 2 ELSE n END)
         FROM (SELECT id, row_number() OVER (ORDER BY id)::int AS n FROM offer) x WHERE x.id = offer.id`,
      );

      const paged = await allPages(undefined, 3);

      expect(paged).toHaveLength(created.length);
      expect(sorted(paged)).toEqual(sorted(created));
      const expected: { id: string }[] = await app.db.query(`SELECT id FROM offer ORDER BY published_at DESC, id DESC`);
      expect(paged).toEqual(expected.map((r) => r.id));
    });

    it('returns every offer exactly once across pages when offers were published within the same millisecond', async () => {
      const firm = await verifiedFirm(app, 'PL');
      const created: string[] = [];
      for (let i = 0; i < 4; i++) created.push((await publishedOffer(app, firm, { title: `Oferta ${i}` })).id);
      // Four offers published 100 µs apart, as concurrent publications (or one bulk update) can be.
      await app.db.query(
        `UPDATE offer SET published_at = timestamptz '2026-03-01 10:00:00.123+00' + make_interval(secs => n * 0.0001)
         FROM (SELECT id, row_number() OVER (ORDER BY id)::int AS n FROM offer) x WHERE x.id = offer.id`,
      );

      const paged = await allPages(undefined, 2);

      expect(sorted(paged)).toEqual(sorted(created));
      expect(paged).toHaveLength(created.length);
    });

    it('rejects a cursor it did not issue with VALIDATION_FAILED on field after', async () => {
      const e = await domainError(search.search(buyer, 'laser', undefined, 10, 'not-a-cursor'));
      expect(e.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(fieldsOf(e)).toEqual(['after']);

      const forged = Buffer.from(JSON.stringify({ kind: 'rank', rank: 1, id: "x' OR 1=1 --" })).toString('base64url');
      expect(fieldsOf(await domainError(search.search(buyer, 'laser', undefined, 10, forged)))).toEqual(['after']);
    });

    it('rejects a cursor of another kind of query with VALIDATION_FAILED on field after', async () => {
      const firm = await verifiedFirm(app, 'PL');
      await publishedOffer(app, firm);
      await publishedOffer(app, firm);
      const ranked = await search.search(buyer, 'laser', undefined, 1);
      expect(ranked.hasNextPage).toBe(true);

      const e = await domainError(search.search(buyer, undefined, undefined, 1, ranked.hits[0].cursor));
      expect(e.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(fieldsOf(e)).toEqual(['after']);
    });
  });

  it('fills matchedTerms and matchedTaxonomy with what each hit matched', async () => {
    const firm = await verifiedFirm(app, 'PL');
    const both = await publishedOffer(app, firm, {
      title: 'Cięcie laserowe kołnierzy ze stali nierdzewnej',
      processCodes: ['process.laser-cutting'],
      materialCodes: ['material.stainless-steel'],
    });
    const laserOnly = await publishedOffer(app, firm, {
      title: 'Cięcie laserowe blach czarnych',
      processCodes: ['process.laser-cutting'],
      materialCodes: ['material.structural-steel'],
    });

    const full = await search.search(buyer, 'cięcie laserowe stal nierdzewna kołnierzy', undefined, 10);
    const top = full.hits[0];
    expect(top.offer.id).toBe(both.id);
    expect(top.matchedTaxonomy.map((m) => m.code).sort()).toEqual([
      'material.stainless-steel',
      'process.laser-cutting',
    ]);
    expect(top.matchedTaxonomy.find((m) => m.code === 'process.laser-cutting')).toMatchObject({
      term: 'cięcie laserowe',
      termLocale: 'pl',
    });
    // Words explained by the taxonomy and a word found only in the offer's own text.
    expect(top.matchedTerms).toEqual(expect.arrayContaining(['ciecie', 'laserowe', 'stal', 'nierdzewna', 'kolnierzy']));

    const processOnly = await search.search(buyer, 'cięcie laserowe', undefined, 10);
    expect(processOnly.hits.map((h) => h.offer.id).sort()).toEqual([both.id, laserOnly.id].sort());
    // Each hit says what of *this* query it matched: the stainless offer's material is not part of it.
    for (const hit of processOnly.hits) {
      expect(hit.matchedTaxonomy.map((m) => m.code)).toEqual(['process.laser-cutting']);
      expect([...hit.matchedTerms].sort()).toEqual(['ciecie', 'laserowe']);
    }
  });
});
