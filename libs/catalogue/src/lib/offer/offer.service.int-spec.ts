import { AccessService, FirmErrorCode } from '@kooperant/identity';
import { ErrorCode } from '@kooperant/platform-errors';
import { createTestApp, domainError, fieldsOf, type TestApp } from '@kooperant/platform-testing';
import {
  addMember,
  insertCluster,
  insertUser,
  registerFirm,
  type TestFirm,
  verifyFirm,
} from '@kooperant/identity/testing';
import { CatalogueModule } from '../catalogue.module';
import { OfferSearchService } from '../search/offer-search.service';
import { seedTaxonomy } from '../taxonomy/taxonomy-seeder';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { createOffer, DAY_MS, offerDraft, publishedOffer, verifiedFirm } from '../testing/catalogue.factories';
import { countRows, outboxEvents } from '@kooperant/platform-testing';
import { OfferErrorCode } from './offer.errors';
import { OfferService } from './offer.service';

describe('OfferService', () => {
  let app: TestApp;
  let offers: OfferService;

  const actorFor = (userId: string) => app.get(AccessService).actorFor(userId);
  const setValidUntil = (offerId: string, validUntil: Date) =>
    app.db.query(`UPDATE offer SET valid_until = $2 WHERE id = $1`, [offerId, validUntil]);

  beforeAll(async () => {
    app = await createTestApp([CatalogueModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    offers = app.get(OfferService);
  });

  beforeEach(() => app.reset(['taxonomy_entry']));

  afterAll(() => app?.close());

  describe('createOffer', () => {
    it('creates a draft for a member of the firm and records offer.created', async () => {
      const firm = await registerFirm(app, 'PL');
      const memberId = await addMember(app, firm);

      const offer = await offers.createOffer(actorFor(memberId), {
        ...offerDraft({
          title: '  Gięcie blach na prasie krawędziowej  ',
          processCodes: ['process.press-brake-bending'],
        }),
        firmId: firm.firmId,
      });

      expect(offer).toMatchObject({
        status: 'draft',
        firmId: firm.firmId,
        firmCountry: 'PL',
        title: 'Gięcie blach na prasie krawędziowej',
        createdBy: memberId,
        publishedAt: null,
      });
      const snap = await app.get(TaxonomyService).snapshot();
      expect(offer.processIds).toEqual([snap.byCode.get('process.press-brake-bending')!.id]);
      expect(offer.capabilityIds).toEqual(
        expect.arrayContaining([...offer.processIds, snap.byCode.get('material.structural-steel')!.id]),
      );
      expect(await outboxEvents(app.db, 'offer.created', offer.id)).toHaveLength(1);
    });

    it('answers createOffer by a user outside the firm with FIRM_NOT_FOUND and writes nothing', async () => {
      const firm = await registerFirm(app, 'PL');
      const stranger = actorFor(await insertUser(app.db));
      const before = await countRows(app.db, 'outbox_event');

      const e = await domainError(offers.createOffer(stranger, { ...offerDraft(), firmId: firm.firmId }));
      expect(e.code).toBe(FirmErrorCode.FIRM_NOT_FOUND);
      expect(await countRows(app.db, 'offer')).toBe(0);
      expect(await countRows(app.db, 'outbox_event')).toBe(before);
    });

    it('rejects invalid input with VALIDATION_FAILED listing every bad field, and writes nothing', async () => {
      const firm = await registerFirm(app, 'PL');
      const before = await countRows(app.db, 'outbox_event');

      const e = await domainError(
        offers.createOffer(firm.admin, {
          ...offerDraft({
            language: 'de',
            title: 'ab',
            processCodes: ['process.laser-cutting', 'process.teleportation'],
            materialCodes: ['process.cnc-milling'],
            capacity: { minThicknessMm: 10, maxThicknessMm: 2 },
            leadTimeDays: -1,
            validUntil: new Date(Date.now() - DAY_MS),
          }),
          firmId: firm.firmId,
        }),
      );

      expect(e.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(fieldsOf(e)).toEqual(
        [
          'language',
          'title',
          'capacity.minThicknessMm',
          'leadTimeDays',
          'validUntil',
          'processCodes.1',
          'materialCodes.0',
        ].sort(),
      );
      expect(await countRows(app.db, 'offer')).toBe(0);
      expect(await countRows(app.db, 'outbox_event')).toBe(before);
    });

    it('requires at least one process', async () => {
      const firm = await registerFirm(app, 'PL');
      const e = await domainError(createOffer(app, firm, { processCodes: [] }));
      expect(e.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(fieldsOf(e)).toEqual(['processCodes']);
    });
  });

  describe('publishOffer', () => {
    it('refuses to publish for a firm no coordinator has verified with FIRM_NOT_VERIFIED', async () => {
      const firm = await registerFirm(app, 'PL');
      const draft = await createOffer(app, firm);

      const e = await domainError(offers.publishOffer(firm.admin, draft.id));
      expect(e.code).toBe(OfferErrorCode.FIRM_NOT_VERIFIED);
      expect((await offers.getOffer(firm.admin, draft.id)).status).toBe('draft');
      expect(await outboxEvents(app.db, 'offer.published')).toHaveLength(0);
    });

    it('publishes once the firm is verified, setting publishedAt and recording offer.published in the outbox in the same transaction', async () => {
      const firm = await registerFirm(app, 'LT');
      const draft = await createOffer(app, firm, { language: 'lt', title: 'Lazerinis pjovimas' });
      await verifyFirm(app, firm, await insertCluster(app.db, 'LT'));

      const published = await offers.publishOffer(firm.admin, draft.id);

      expect(published.status).toBe('published');
      expect(published.publishedAt).toBeInstanceOf(Date);
      expect(published.version).toBe(draft.version + 1);
      const [event] = await outboxEvents(app.db, 'offer.published', draft.id);
      expect(event).toMatchObject({
        aggregate_type: 'offer',
        actor_user_id: firm.adminId,
        payload: { offerId: draft.id, firmId: firm.firmId, status: 'published' },
      });
      // Same transaction: the event row carries the transaction's now(), which is the offer's published_at
      // (stored to the millisecond, for exact cursors).
      const [row] = await app.db.query(
        `SELECT o.published_at = e.created_at::timestamptz(3) AS same_tx FROM offer o JOIN outbox_event e ON e.aggregate_id = o.id
         WHERE o.id = $1 AND e.type = 'offer.published'`,
        [draft.id],
      );
      expect(row.same_tx).toBe(true);
    });

    it('refuses to publish an offer that is already published with OFFER_STATE_CONFLICT', async () => {
      const firm = await verifiedFirm(app, 'PL');
      const offer = await publishedOffer(app, firm);

      const e = await domainError(offers.publishOffer(firm.admin, offer.id));
      expect(e.code).toBe(OfferErrorCode.OFFER_STATE_CONFLICT);
      expect(await outboxEvents(app.db, 'offer.published', offer.id)).toHaveLength(1);
    });

    it('publishes an archived offer again', async () => {
      const firm = await verifiedFirm(app, 'PL');
      const offer = await publishedOffer(app, firm);

      const archived = await offers.archiveOffer(firm.admin, offer.id);
      expect(archived).toMatchObject({ status: 'archived', archiveReason: 'owner' });
      expect(archived.archivedAt).toBeInstanceOf(Date);

      const again = await offers.publishOffer(firm.admin, offer.id);
      expect(again).toMatchObject({ status: 'published', archivedAt: null, archiveReason: null });
      expect(await outboxEvents(app.db, 'offer.published', offer.id)).toHaveLength(2);
      expect(await outboxEvents(app.db, 'offer.archived', offer.id)).toHaveLength(1);
    });

    it('hides another firm’s offer from publishOffer with OFFER_NOT_FOUND', async () => {
      const owner = await verifiedFirm(app, 'PL');
      const other = await verifiedFirm(app, 'PL');
      const draft = await createOffer(app, owner);
      expect((await domainError(offers.publishOffer(other.admin, draft.id))).code).toBe(OfferErrorCode.OFFER_NOT_FOUND);
    });
  });

  describe('updateOffer', () => {
    it('re-indexes a published offer: search finds the new title word and no longer the old one', async () => {
      const firm = await verifiedFirm(app, 'PL');
      const offer = await publishedOffer(app, firm, { title: 'Obróbka zorblaxowa korpusów' });
      const search = app.get(OfferSearchService);
      const found = async (q: string) =>
        (await search.search(firm.admin, q, undefined, 10)).hits.map((h) => h.offer.id);
      expect(await found('zorblaxowa')).toEqual([offer.id]);

      const updated = await offers.updateOffer(firm.admin, {
        offerId: offer.id,
        title: 'Obróbka kwintrypowa korpusów',
      });

      expect(updated).toMatchObject({
        status: 'published',
        title: 'Obróbka kwintrypowa korpusów',
        version: offer.version + 1,
      });
      expect(await found('kwintrypowa')).toEqual([offer.id]);
      expect(await found('zorblaxowa')).toEqual([]);
      expect(await outboxEvents(app.db, 'offer.updated', offer.id)).toHaveLength(1);
    });

    it('changes an archived offer, which stays archived until it is published again', async () => {
      const firm = await registerFirm(app, 'PL');
      const draft = await createOffer(app, firm);
      await offers.archiveOffer(firm.admin, draft.id);
      const updated = await offers.updateOffer(firm.admin, { offerId: draft.id, title: 'Nowy tytuł' });
      expect(updated.title).toBe('Nowy tytuł');
      expect(updated.status).toBe('archived');
    });
  });

  describe('getOffer', () => {
    it('hides a draft from a user of another firm with OFFER_NOT_FOUND', async () => {
      const owner = await registerFirm(app, 'PL');
      const other = await registerFirm(app, 'LT');
      const draft = await createOffer(app, owner);

      expect((await domainError(offers.getOffer(other.admin, draft.id))).code).toBe(OfferErrorCode.OFFER_NOT_FOUND);
      expect((await domainError(offers.getOffer(actorFor(await insertUser(app.db)), draft.id))).code).toBe(
        OfferErrorCode.OFFER_NOT_FOUND,
      );
    });

    it('shows a draft to a plain member of the owner firm', async () => {
      const owner = await registerFirm(app, 'PL');
      const memberId = await addMember(app, owner);
      const draft = await createOffer(app, owner);

      await expect(offers.getOffer(actorFor(memberId), draft.id)).resolves.toMatchObject({
        id: draft.id,
        status: 'draft',
      });
    });

    it('shows a published offer to any signed-in user', async () => {
      const owner = await verifiedFirm(app, 'PL');
      const offer = await publishedOffer(app, owner);
      const anyone = actorFor(await insertUser(app.db, { locale: 'lt' }));

      await expect(offers.getOffer(anyone, offer.id)).resolves.toMatchObject({ id: offer.id, status: 'published' });
    });

    it('answers an unknown id with OFFER_NOT_FOUND', async () => {
      const anyone = actorFor(await insertUser(app.db));
      expect((await domainError(offers.getOffer(anyone, '00000000-0000-4000-8000-000000000000'))).code).toBe(
        OfferErrorCode.OFFER_NOT_FOUND,
      );
    });
  });

  describe('myOffers', () => {
    /** Follows the (createdAt, id) keyset the way the GraphQL resolver encodes it. */
    const allMyOffers = async (firm: TestFirm, first: number): Promise<string[]> => {
      const seen: string[] = [];
      let after: { createdAt: string; id: string } | undefined;
      for (let page = 0; page < 50; page++) {
        const r = await offers.myOffers(firm.admin, { first, after });
        seen.push(...r.items.map((o) => o.id));
        if (!r.hasNextPage) return seen;
        const last = r.items[r.items.length - 1];
        after = { createdAt: last.createdAt.toISOString(), id: last.id };
      }
      throw new Error('pagination did not end');
    };

    it('pages through the caller’s offers newest first, each exactly once, and never another firm’s', async () => {
      const firm = await registerFirm(app, 'PL');
      const other = await registerFirm(app, 'LT');
      await createOffer(app, other);
      for (let i = 0; i < 5; i++) await createOffer(app, firm, { title: `Oferta ${i}` });
      // Distinct whole-millisecond creation times (the next test is about times within one millisecond).
      await app.db.query(
        `UPDATE offer SET created_at = timestamptz '2026-03-01 10:00:00+00' + make_interval(mins => x.n)
         FROM (SELECT id, row_number() OVER (ORDER BY id)::int AS n FROM offer) x WHERE x.id = offer.id`,
      );
      const expected: { id: string }[] = await app.db.query(
        `SELECT id FROM offer WHERE firm_id = $1 ORDER BY created_at DESC, id DESC`,
        [firm.firmId],
      );

      expect(await allMyOffers(firm, 2)).toEqual(expected.map((r) => r.id));
    });

    it('pages through offers created within the same millisecond, each exactly once', async () => {
      const firm = await registerFirm(app, 'PL');
      const created: string[] = [];
      for (let i = 0; i < 4; i++) created.push((await createOffer(app, firm, { title: `Oferta ${i}` })).id);
      // Created 100 µs apart, as a bulk import or concurrent calls can.
      await app.db.query(
        `UPDATE offer SET created_at = timestamptz '2026-03-01 10:00:00.123+00' + make_interval(secs => x.n * 0.0001)
         FROM (SELECT id, row_number() OVER (ORDER BY id)::int AS n FROM offer) x WHERE x.id = offer.id`,
      );

      const paged = await allMyOffers(firm, 2);
      expect([...paged].sort()).toEqual([...created].sort());
    });
  });

  describe('expireOffers', () => {
    it('archives published offers past validUntil, records offer.expired, and a second run changes nothing', async () => {
      const firm = await verifiedFirm(app, 'PL');
      const past1 = await publishedOffer(app, firm);
      const past2 = await publishedOffer(app, firm);
      const current = await publishedOffer(app, firm);
      const pastDraft = await createOffer(app, firm);
      const now = new Date();
      await setValidUntil(past1.id, new Date(now.getTime() - DAY_MS));
      await setValidUntil(past2.id, new Date(now.getTime() - 60_000));
      await setValidUntil(pastDraft.id, new Date(now.getTime() - DAY_MS));

      expect(await offers.expireOffers(now)).toBe(2);

      const rows: { id: string; status: string; archive_reason: string | null }[] = await app.db.query(
        `SELECT id, status, archive_reason FROM offer`,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(past1.id)).toMatchObject({ status: 'archived', archive_reason: 'expired' });
      expect(byId.get(past2.id)).toMatchObject({ status: 'archived', archive_reason: 'expired' });
      expect(byId.get(current.id)).toMatchObject({ status: 'published', archive_reason: null });
      expect(byId.get(pastDraft.id)).toMatchObject({ status: 'draft' });
      const events = await outboxEvents(app.db, 'offer.expired');
      expect(events.map((e) => e.aggregate_id).sort()).toEqual([past1.id, past2.id].sort());
      expect(events[0].payload).toMatchObject({ firmId: firm.firmId });

      const outboxBefore = await countRows(app.db, 'outbox_event');
      expect(await offers.expireOffers(new Date())).toBe(0);
      expect(await countRows(app.db, 'outbox_event')).toBe(outboxBefore);
    });

    it('expires each offer once when two workers run expireOffers at the same time', async () => {
      const firm = await verifiedFirm(app, 'PL');
      for (let i = 0; i < 6; i++) await publishedOffer(app, firm);
      await app.db.query(`UPDATE offer SET valid_until = now() - interval '1 hour'`);

      const [a, b] = await Promise.all([offers.expireOffers(new Date(), 2), offers.expireOffers(new Date(), 2)]);

      expect(a + b).toBe(6);
      const events = await outboxEvents(app.db, 'offer.expired');
      expect(new Set(events.map((e) => e.aggregate_id)).size).toBe(6);
      expect(events).toHaveLength(6);
    });

    it('expires more offers than one batch holds', async () => {
      const firm = await verifiedFirm(app, 'PL');
      const all = [];
      for (let i = 0; i < 5; i++) all.push(await publishedOffer(app, firm));
      await app.db.query(`UPDATE offer SET valid_until = now() - interval '1 hour'`);

      expect(await offers.expireOffers(new Date(), 2)).toBe(5);
      expect(await outboxEvents(app.db, 'offer.expired')).toHaveLength(all.length);
    });

    it('lets the owner extend an expired offer and publish it again', async () => {
      const firm = await verifiedFirm(app, 'PL');
      const offer = await publishedOffer(app, firm);
      await setValidUntil(offer.id, new Date(Date.now() - DAY_MS));
      expect(await offers.expireOffers(new Date())).toBe(1);

      // publishOffer answers OFFER_EXPIRED "extend it first"; extending is an update of validUntil.
      const extended = await offers.updateOffer(firm.admin, {
        offerId: offer.id,
        validUntil: new Date(Date.now() + 60 * DAY_MS),
      });
      expect(extended.validUntil.getTime()).toBeGreaterThan(Date.now());
      await expect(offers.publishOffer(firm.admin, offer.id)).resolves.toMatchObject({ status: 'published' });
    });

    it('refuses to publish an offer past its validity again with OFFER_EXPIRED', async () => {
      const firm = await verifiedFirm(app, 'PL');
      const offer = await publishedOffer(app, firm);
      await setValidUntil(offer.id, new Date(Date.now() - DAY_MS));
      await offers.expireOffers(new Date());

      const e = await domainError(offers.publishOffer(firm.admin, offer.id));
      expect(e.code).toBe(OfferErrorCode.OFFER_EXPIRED);
      expect(fieldsOf(e)).toEqual(['validUntil']);
    });
  });

  describe('remindExpiringOffers', () => {
    it('marks each offer expiring within the window once and records offer.expiring-soon', async () => {
      const firm = await verifiedFirm(app, 'PL');
      const soon1 = await publishedOffer(app, firm, { validUntil: new Date(Date.now() + 2 * DAY_MS) });
      const soon2 = await publishedOffer(app, firm, { validUntil: new Date(Date.now() + 6 * DAY_MS) });
      // Neither of these is reminded: one expires later than the window, the other is a draft.
      await publishedOffer(app, firm, { validUntil: new Date(Date.now() + 30 * DAY_MS) });
      await createOffer(app, firm, { validUntil: new Date(Date.now() + 2 * DAY_MS) });
      const now = new Date();

      expect(await offers.remindExpiringOffers(now, 7)).toBe(2);

      const events = await outboxEvents(app.db, 'offer.expiring-soon');
      expect(events.map((e) => e.aggregate_id).sort()).toEqual([soon1.id, soon2.id].sort());
      const soon1Event = events.find((e) => e.aggregate_id === soon1.id)!;
      expect(soon1Event.payload).toMatchObject({ offerId: soon1.id, firmId: firm.firmId });
      expect(new Date(soon1Event.payload['validUntil'] as string).getTime()).toBe(soon1.validUntil.getTime());
      const reminded: { id: string }[] = await app.db.query(
        `SELECT id FROM offer WHERE expiry_reminded_at IS NOT NULL`,
      );
      expect(reminded.map((r) => r.id).sort()).toEqual([soon1.id, soon2.id].sort());

      expect(await offers.remindExpiringOffers(new Date(), 7)).toBe(0);
      expect(await outboxEvents(app.db, 'offer.expiring-soon')).toHaveLength(2);
    });

    it('reminds again after the owner extends the offer and it nears its new date', async () => {
      const firm = await verifiedFirm(app, 'PL');
      const offer = await publishedOffer(app, firm, { validUntil: new Date(Date.now() + 2 * DAY_MS) });
      expect(await offers.remindExpiringOffers(new Date(), 7)).toBe(1);

      await offers.updateOffer(firm.admin, { offerId: offer.id, validUntil: new Date(Date.now() + 5 * DAY_MS) });

      expect(await offers.remindExpiringOffers(new Date(), 7)).toBe(1);
      expect(await outboxEvents(app.db, 'offer.expiring-soon', offer.id)).toHaveLength(2);
    });
  });
});
