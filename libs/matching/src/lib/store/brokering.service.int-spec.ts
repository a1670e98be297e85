import { randomUUID } from 'node:crypto';
import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { publishedOffer } from '@kooperant/catalogue/testing';
import {
  actorFor,
  award,
  leg,
  openOrder,
  pairClusters,
  pkg,
  submitQuote,
  verifiedFirm,
  type VerifiedFirm,
} from '@kooperant/orders/testing';
import { createTestApp, domainError, type TestApp } from '@kooperant/platform-testing';
import { ErrorCode } from '@kooperant/platform-errors';
import { insertCoordinator } from '@kooperant/identity/testing';
import { AwardService, OrderService, type OrderView } from '@kooperant/orders';
import { MatchingModule } from '../matching.module';
import { MatchStoreService } from './match-store.service';
import { BrokeringService } from './brokering.service';
import { MatchQueriesService } from './match-queries.service';
import { MatchErrorCode } from './match.errors';

describe('BrokeringService', () => {
  let app: TestApp;
  let brokering: BrokeringService;
  let queries: MatchQueriesService;

  beforeAll(async () => {
    app = await createTestApp([MatchingModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    brokering = app.get(BrokeringService);
    queries = app.get(MatchQueriesService);
  });

  beforeEach(() => app.reset(['taxonomy_entry']));

  afterAll(() => app?.close());

  /** A PL buyer's open order (cut → bend → coat, visible to its cluster), a PL and an LT supplier for `cut`. */
  async function scene() {
    const buyer = await verifiedFirm(app, 'PL');
    const [local, foreign] = await Promise.all([verifiedFirm(app, 'PL', buyer.clusterId), verifiedFirm(app, 'LT')]);
    await pairClusters(app.db, buyer.clusterId, foreign.clusterId);
    await publishedOffer(app, local);
    await publishedOffer(app, foreign);
    const view = await openOrder(app, buyer);
    await app.get(MatchStoreService).refreshOrder(view.order.id);
    const [pl, lt] = [
      await insertCoordinator(app.db, buyer.clusterId),
      await insertCoordinator(app.db, foreign.clusterId),
    ];
    const matchOf = async (firm: VerifiedFirm) => {
      const [m] = await app.db.query(`SELECT id FROM package_match WHERE firm_id = $1 AND package_id = $2`, [
        firm.firmId,
        pkg(view, 'cut'),
      ]);
      return m.id as string;
    };
    return {
      buyer,
      local,
      foreign,
      view,
      plCoordinator: actorFor(app, pl),
      ltCoordinator: actorFor(app, lt),
      localMatch: await matchOf(local),
      foreignMatch: await matchOf(foreign),
    };
  }

  const status = (id: string) =>
    app.db.query(`SELECT status FROM package_match WHERE id = $1`, [id]).then((r) => r[0].status as string);
  const events = (matchId: string) =>
    app.db
      .query(`SELECT type FROM outbox_event WHERE payload->>'matchId' = $1 ORDER BY created_at, type`, [matchId])
      .then((r: { type: string }[]) => r.map((e) => e.type));
  const sees = (view: OrderView, firm: VerifiedFirm) =>
    app.get(OrderService).visibleToSupplierFirm(view.order.id, firm.firmId);

  it('endorses and invites a firm of the same cluster at once, once, and logs who did it', async () => {
    const s = await scene();
    expect(await brokering.endorse(s.plCoordinator, s.localMatch, 'Robili dla nas obudowy.')).toMatchObject({
      status: 'endorsed',
    });
    expect((await domainError(brokering.endorse(s.plCoordinator, s.localMatch))).code).toBe(
      MatchErrorCode.MATCH_STATE_CONFLICT,
    );
    expect(await brokering.invite(s.plCoordinator, s.localMatch)).toMatchObject({ status: 'invited' });
    expect(await events(s.localMatch)).toEqual(['match.endorsed', 'match.invited']);
    const [inv] = await app.db.query(`SELECT invited_by FROM order_invitation WHERE order_id = $1 AND firm_id = $2`, [
      s.view.order.id,
      s.local.firmId,
    ]);
    expect(inv.invited_by).toBe(s.plCoordinator.userId);
    const log = (await brokering.actionsOf([s.localMatch])).get(s.localMatch);
    expect(log?.map((a) => [a.action, a.fromStatus, a.toStatus, a.clusterId, a.actorUserId])).toEqual([
      ['endorsed', 'proposed', 'endorsed', s.buyer.clusterId, s.plCoordinator.userId],
      ['invited', 'endorsed', 'invited', s.buyer.clusterId, s.plCoordinator.userId],
    ]);
    expect(log?.[0].note).toBe('Robili dla nas obudowy.');
    // Only what is proposed or endorsed can be dismissed.
    expect((await domainError(brokering.dismiss(s.plCoordinator, s.localMatch))).code).toBe(
      MatchErrorCode.MATCH_STATE_CONFLICT,
    );
  });

  it('tells the buyer and other coordinators no, and strangers nothing', async () => {
    const s = await scene();
    const stranger = await verifiedFirm(app, 'PL');
    const farCoordinator = actorFor(app, await insertCoordinator(app.db, stranger.clusterId));
    expect((await domainError(brokering.endorse(s.buyer.admin, s.localMatch))).code).toBe(ErrorCode.FORBIDDEN);
    // The LT coordinator sees the LT firm's match in the shared pipeline but the PL cluster brokers it.
    expect((await domainError(brokering.endorse(s.ltCoordinator, s.foreignMatch))).code).toBe(ErrorCode.FORBIDDEN);
    expect((await domainError(brokering.endorse(farCoordinator, s.localMatch))).code).toBe(
      MatchErrorCode.MATCH_NOT_FOUND,
    );
    expect((await domainError(brokering.endorse(stranger.admin, s.localMatch))).code).toBe(
      MatchErrorCode.MATCH_NOT_FOUND,
    );
    expect((await domainError(brokering.endorse(s.plCoordinator, randomUUID()))).code).toBe(
      MatchErrorCode.MATCH_NOT_FOUND,
    );
    // The firm sees the proposal among its opportunities, but only an invitation can be declined.
    expect((await domainError(brokering.decline(s.local.admin, s.localMatch))).code).toBe(
      MatchErrorCode.MATCH_STATE_CONFLICT,
    );
    const long = await domainError(brokering.endorse(s.plCoordinator, s.localMatch, 'x'.repeat(2001)));
    expect([long.code, long.problems[0]?.field]).toEqual([ErrorCode.VALIDATION_FAILED, 'note']);
    expect(await status(s.localMatch)).toBe('proposed');
  });

  it('introduces a firm across the border once both coordinators approved, then follows its quote and the award', async () => {
    const s = await scene();
    await brokering.endorse(s.plCoordinator, s.foreignMatch);
    expect(await brokering.invite(s.plCoordinator, s.foreignMatch)).toMatchObject({ status: 'awaiting_approval' });
    const ctx = await brokering.context(s.foreignMatch);
    expect(await brokering.missingApprovals(ctx!)).toEqual([s.foreign.clusterId]);
    expect(await sees(s.view, s.foreign)).toBe(false);
    // The PL side has approved by inviting; the LT side approves.
    expect((await domainError(brokering.approveIntroduction(s.plCoordinator, s.foreignMatch))).code).toBe(
      MatchErrorCode.MATCH_STATE_CONFLICT,
    );
    expect(await brokering.approveIntroduction(s.ltCoordinator, s.foreignMatch, 'Znamy ich.')).toMatchObject({
      status: 'invited',
    });
    expect(await events(s.foreignMatch)).toEqual([
      'match.endorsed',
      'match.introduction-requested',
      'match.introduction-approved',
      'match.invited',
    ]);
    expect(await sees(s.view, s.foreign)).toBe(true);
    // The notes on the match are for the buyer and the coordinators of both sides, not for the proposed firm.
    const invitedCtx = (await brokering.contexts([s.foreignMatch])).get(s.foreignMatch)!;
    const reads = async (a: typeof s.buyer.admin) => brokering.readsActionNotes(await a.roles(), invitedCtx);
    expect([await reads(s.buyer.admin), await reads(s.ltCoordinator), await reads(s.foreign.admin)]).toEqual([
      true,
      true,
      false,
    ]);
    const opportunities = await queries.opportunities(s.foreign.admin, null, 10);
    expect(opportunities.items.map((m) => [m.id, m.status])).toContainEqual([s.foreignMatch, 'invited']);

    // Invite the local firm too; both quote; the LT firm wins, the PL firm loses.
    await brokering.endorse(s.plCoordinator, s.localMatch);
    await brokering.invite(s.plCoordinator, s.localMatch);
    const cut = pkg(s.view, 'cut');
    const q1 = await submitQuote(app, s.foreign, s.view.order.id, [leg(cut)]);
    const q2 = await submitQuote(app, s.local, s.view.order.id, [leg(cut, { priceMinor: 120_000 })]);
    expect(await brokering.quoted(q1.quote.id)).toBe(1);
    expect(await brokering.quoted(q1.quote.id)).toBe(0); // a replayed event changes nothing
    await brokering.quoted(q2.quote.id);
    const [row] = await app.db.query(`SELECT status, quote_id FROM package_match WHERE id = $1`, [s.foreignMatch]);
    expect(row).toEqual({ status: 'quoted', quote_id: q1.quote.id });

    await award(app, s.buyer, cut, q1.quote.id);
    expect(await brokering.awarded(cut, s.foreign.firmId)).toBe(2);
    expect([await status(s.foreignMatch), await status(s.localMatch)]).toEqual(['awarded', 'lost']);
    expect(await brokering.awarded(cut, s.foreign.firmId)).toBe(0);

    await app.get(AwardService).cancelAward(s.buyer.admin, cut, 'Firma nie potwierdziła terminu.');
    expect(await brokering.awardCancelled(cut)).toBe(2);
    expect([await status(s.foreignMatch), await status(s.localMatch)]).toEqual(['quoted', 'quoted']);
  });

  it('hands an opportunity to the partner cluster, whose coordinators broker it from then on', async () => {
    const s = await scene();
    expect(await brokering.handOver(s.plCoordinator, s.foreignMatch, 'Wasza firma, wasz kontakt.')).toMatchObject({
      status: 'proposed',
      handledByClusterId: s.foreign.clusterId,
    });
    expect((await domainError(brokering.endorse(s.plCoordinator, s.foreignMatch))).code).toBe(ErrorCode.FORBIDDEN);
    await brokering.endorse(s.ltCoordinator, s.foreignMatch);
    // The LT side invites (its approval given); the PL cluster asks for its own approval too.
    expect(await brokering.invite(s.ltCoordinator, s.foreignMatch)).toMatchObject({ status: 'awaiting_approval' });
    const pipelinePl = await queries.pipeline(s.plCoordinator, {}, 20);
    expect(pipelinePl.items.find((m) => m.id === s.foreignMatch)?.status).toBe('awaiting_approval');
    expect(await brokering.approveIntroduction(s.plCoordinator, s.foreignMatch)).toMatchObject({ status: 'invited' });

    // A cluster that does not ask for approval: introductions of its side go through at once.
    const other = await scene();
    await brokering.setSettings(other.ltCoordinator, other.foreign.clusterId, { introductionsNeedApproval: false });
    await brokering.endorse(other.plCoordinator, other.foreignMatch);
    expect(await brokering.invite(other.plCoordinator, other.foreignMatch)).toMatchObject({ status: 'invited' });
    // Handing over needs a partner cluster.
    const lonely = await verifiedFirm(app, 'PL');
    const supplier = await verifiedFirm(app, 'PL', lonely.clusterId);
    await publishedOffer(app, supplier);
    const order = await openOrder(app, lonely);
    await app.get(MatchStoreService).refreshOrder(order.order.id);
    const [m] = await app.db.query(`SELECT id FROM package_match WHERE order_id = $1`, [order.order.id]);
    const coord = actorFor(app, await insertCoordinator(app.db, lonely.clusterId));
    expect((await domainError(brokering.handOver(coord, m.id))).code).toBe(MatchErrorCode.NO_PARTNER_CLUSTER);
  });

  it('lets the invited firm decline, and only that firm', async () => {
    const s = await scene();
    await brokering.endorse(s.plCoordinator, s.localMatch);
    await brokering.invite(s.plCoordinator, s.localMatch);
    expect((await domainError(brokering.decline(s.foreign.admin, s.localMatch))).code).toBe(
      MatchErrorCode.MATCH_NOT_FOUND,
    );
    expect(await brokering.decline(s.local.admin, s.localMatch, 'Brak mocy przerobowych.')).toMatchObject({
      status: 'declined',
    });
    expect((await domainError(brokering.decline(s.local.admin, s.localMatch))).code).toBe(
      MatchErrorCode.MATCH_STATE_CONFLICT,
    );
    const opportunities = await queries.opportunities(s.local.admin, s.local.firmId, 10);
    expect(opportunities.items.map((m) => m.id)).not.toContain(s.localMatch);
  });

  it("sets a cluster's cross-border weight for its coordinators only, and the ranking uses it", async () => {
    const s = await scene();
    const bad = await domainError(brokering.setSettings(s.plCoordinator, s.buyer.clusterId, { crossBorderWeight: 2 }));
    expect(bad.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(bad.problems?.[0]?.field).toBe('crossBorderWeight');
    expect(
      (await domainError(brokering.setSettings(s.ltCoordinator, s.buyer.clusterId, { crossBorderWeight: 1 }))).code,
    ).toBe(ErrorCode.FORBIDDEN);
    expect(
      (await domainError(brokering.setSettings(s.plCoordinator, randomUUID(), { crossBorderWeight: 1 }))).code,
    ).toBe(MatchErrorCode.CLUSTER_NOT_FOUND);
    expect(await brokering.setSettings(s.plCoordinator, s.buyer.clusterId, { crossBorderWeight: 1 })).toMatchObject({
      crossBorderWeight: 1,
      introductionsNeedApproval: true,
      updatedBy: s.plCoordinator.userId,
    });
    await app.get(MatchStoreService).refreshOrder(s.view.order.id);
    const page = await queries.forPackage(s.buyer.admin, pkg(s.view, 'cut'), 10);
    expect(page.items.map((m) => m.firmId)[0]).toBe(s.foreign.firmId);
    expect(page.items[0].parts.find((p) => p.name === 'crossBorder')).toMatchObject({ value: 1, weight: 1 });
    const [e] = await app.db.query(`SELECT payload FROM outbox_event WHERE type = 'cluster.matching-settings-changed'`);
    expect(e.payload).toMatchObject({ clusterId: s.buyer.clusterId, crossBorderWeight: 1 });
  });

  it('pages a package’s matches and the pipeline, and shows chains to the buyer only', async () => {
    const s = await scene();
    const cut = pkg(s.view, 'cut');
    const first = await queries.forPackage(s.buyer.admin, cut, 1);
    expect(first.hasNextPage).toBe(true);
    const second = await queries.forPackage(s.buyer.admin, cut, 1, queries.packageCursor(first.items[0]));
    expect(second.hasNextPage).toBe(false);
    expect([first.items[0].rank, second.items[0].rank]).toEqual([1, 2]);
    expect((await domainError(queries.forPackage(s.local.admin, cut, 1))).code).toBe(ErrorCode.FORBIDDEN);
    expect((await domainError(queries.forPackage(s.buyer.admin, randomUUID(), 1))).code).toBe(
      MatchErrorCode.WORK_PACKAGE_NOT_FOUND,
    );
    expect((await domainError(queries.forPackage(s.buyer.admin, cut, 1, 'bogus'))).code).toBe(
      ErrorCode.VALIDATION_FAILED,
    );

    // The LT coordinator's pipeline holds nothing until an introduction waits for it.
    expect((await queries.pipeline(s.ltCoordinator, {}, 10)).items).toEqual([]);
    await brokering.endorse(s.plCoordinator, s.foreignMatch);
    await brokering.invite(s.plCoordinator, s.foreignMatch);
    expect((await queries.pipeline(s.ltCoordinator, {}, 10)).items.map((m) => m.id)).toEqual([s.foreignMatch]);
    const pl = await queries.pipeline(s.plCoordinator, { statuses: ['proposed'] }, 10);
    expect(pl.items.every((m) => m.status === 'proposed')).toBe(true);
    expect(pl.items.map((m) => m.id)).toContain(s.localMatch);
    const crossOnly = await queries.pipeline(s.plCoordinator, { crossBorderOnly: true }, 10);
    expect(crossOnly.items.every((m) => m.firmCountry !== m.buyerCountry)).toBe(true);
    expect((await domainError(queries.pipeline(s.local.admin, {}, 10))).code).toBe(ErrorCode.FORBIDDEN);

    const chains = await queries.chainProposals(s.buyer.admin, s.view.order.id);
    expect(chains.computedAt).toBeInstanceOf(Date);
    // Only `cut` has candidates in this scene: no complete chain, and the search says which package and why.
    expect(chains.result?.chains).toEqual([]);
    expect(chains.result?.noChain?.key).toBe('bend');
    expect((await domainError(queries.chainProposals(s.local.admin, s.view.order.id))).code).toBe(ErrorCode.FORBIDDEN);
  });
});
