import { AccessService, type Actor } from '@kooperant/identity';
import { createTestApp, type TestApp } from '@kooperant/platform-testing';
import { insertUser } from '@kooperant/identity/testing';
import { CatalogueModule } from '../catalogue.module';
import { seedTaxonomy } from '../taxonomy/taxonomy-seeder';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { publishedOffer, verifiedFirm } from '../testing/catalogue.factories';
import { OfferSearchService } from './offer-search.service';

describe('OfferSearchService spelling tolerance', () => {
  let app: TestApp;
  let search: OfferSearchService;
  let buyer: Actor;
  let flanges: string;

  beforeAll(async () => {
    app = await createTestApp([CatalogueModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    search = app.get(OfferSearchService);
    buyer = app.get(AccessService).actorFor(await insertUser(app.db, { locale: 'pl' }));
    const firm = await verifiedFirm(app, 'PL');
    flanges = (
      await publishedOffer(app, firm, {
        title: 'Kołnierze spawane i przyłączeniowe',
        description: 'Produkujemy kołnierze ze stali węglowej według rysunku klienta.',
      })
    ).id;
    await publishedOffer(app, firm, { title: 'Konstrukcje wsporcze', description: 'Wsporniki i ramy spawane.' });
  });

  afterAll(() => app?.close());

  it('finds a word of an offer that the taxonomy does not know, misspelt', async () => {
    const r = await search.search(buyer, 'kolneirze', undefined, 10);
    expect(r.hits.map((h) => h.offer.id)).toEqual([flanges]);
    expect(r.hits[0].matchedTerms).toEqual(['kolneirze']);
  });

  it('finds it without diacritics and by an inflected prefix, with no correction needed', async () => {
    expect((await search.search(buyer, 'kolnierz', undefined, 10)).hits.map((h) => h.offer.id)).toEqual([flanges]);
    expect((await search.search(buyer, 'KOŁNIERZE', undefined, 10)).hits.map((h) => h.offer.id)).toEqual([flanges]);
  });

  it('does not turn an unknown word into an unrelated one', async () => {
    expect((await search.search(buyer, 'xylofon', undefined, 10)).hits).toEqual([]);
  });

  it('learns the words of new offers', async () => {
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM search_lexicon WHERE word = 'wsporniki'`);
    expect(n).toBe(1);
  });
});
