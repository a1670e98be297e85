import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_FIRMS, demoFirmUserEmail } from '@kooperant/identity';
import { gql, gqlOk } from './support/gql';
import { inDays, publishedOrder } from './support/orders';
import {
  clusterIds,
  signIn,
  signInLtCoordinator,
  signInPlCoordinator,
  signUp,
  verifiedPolishFirm,
} from './support/actors';

const MATCH = `id status rank score crossBorder orderId orderTitle workPackageId packageKey packageTitle packageDueDate
  orderClusterId handledByClusterId quoteId proposedAt statusChangedAt awaitingApprovalOf
  firm { id name country } parts { name }
  actions { action actorUserId clusterId fromStatus toStatus note at }`;

interface Match {
  id: string;
  status: string;
  rank: number | null;
  score: number;
  crossBorder: boolean;
  orderId: string;
  workPackageId: string;
  packageKey: string;
  orderClusterId: string;
  handledByClusterId: string;
  quoteId: string | null;
  statusChangedAt: string | null;
  awaitingApprovalOf: string[];
  firm: { id: string; name: string; country: string };
  parts: { name: string }[];
  actions: { action: string; clusterId: string | null; fromStatus: string; toStatus: string; note: string }[];
}

interface Connection {
  edges: { cursor: string; node: Match }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

const FOR_PACKAGE = `query($p: UUID!, $first: Int, $after: String) {
  matchesForWorkPackage(workPackageId: $p, first: $first, after: $after) {
    edges { cursor node { ${MATCH} } } pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;
const PIPELINE = `query($f: PipelineFilterInput, $first: Int) {
  coordinatorPipeline(filter: $f, first: $first) { edges { cursor node { ${MATCH} } } pageInfo { hasNextPage } }
}`;
const OPPORTUNITIES = `query($firmId: UUID) {
  matchingOpportunities(firmId: $firmId, first: 10) { edges { node { ${MATCH} } } }
}`;

/** Asks again until `done` holds or the deadline passes; returns the last answer. */
async function poll<T>(ask: () => Promise<T>, done: (t: T) => boolean, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const t = await ask();
    if (done(t)) return t;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(t).slice(0, 2000)}`);
    await sleep(200);
  }
}

const step = (name: string, input: Record<string, unknown>, token: string) =>
  gql<Record<string, Match>>(
    `mutation($i: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $i) { ${MATCH} } }`,
    { i: input },
    token,
  );

async function stepOk(name: string, input: Record<string, unknown>, token: string): Promise<Match> {
  const r = await step(name, input, token);
  if (r.errors?.length || !r.data) throw new Error(`${name} failed: ${JSON.stringify(r.errors)}`);
  return r.data[name];
}

const firmUser = (name: string) => {
  const f = DEMO_FIRMS.find((d) => d.name === name);
  if (!f) throw new Error(`${name} is not a demo firm`);
  return signIn(demoFirmUserEmail(f));
};

describe('brokering matches over GraphQL', () => {
  it('takes matches of a new order from proposal through endorsement, invitation across clusters and a quote', async () => {
    const [buyer, plCoordinator, ltCoordinator] = await Promise.all([
      verifiedPolishFirm(),
      signInPlCoordinator(),
      signInLtCoordinator(),
    ]);
    const clusters = await clusterIds(plCoordinator);

    // A buyer of the Polish cluster posts an order for its own cluster: laser cutting, then bending.
    const { orderId, packageId: pkg } = await publishedOrder(buyer, 'Brokered brackets', [
      { key: 'cut', title: 'Cut the blanks', processCode: 'process.laser-cutting', dueInDays: 25 },
      {
        key: 'bend',
        title: 'Bend the brackets',
        processCode: 'process.press-brake-bending',
        dueInDays: 40,
        after: ['cut'],
      },
    ]);

    // The worker matches the published order within seconds.
    const forPackage = (token: string, key: string, first = 20, after?: string) =>
      gql<{ matchesForWorkPackage: Connection }>(FOR_PACKAGE, { p: pkg(key), first, after }, token);
    const cut = (
      await poll(
        () => forPackage(buyer.token, 'cut'),
        (r) => (r.data?.matchesForWorkPackage.edges.length ?? 0) > 0,
        'matches of the new order',
      )
    ).data!.matchesForWorkPackage;
    const cutMatches = cut.edges.map((e) => e.node);
    expect(cutMatches.map((m) => m.rank)).toEqual(cutMatches.map((_, i) => i + 1));
    for (const m of cutMatches) {
      expect(m).toMatchObject({
        status: 'proposed',
        orderId,
        workPackageId: pkg('cut'),
        packageKey: 'cut',
        orderClusterId: clusters.pl,
        handledByClusterId: clusters.pl,
        quoteId: null,
        awaitingApprovalOf: [],
        actions: [],
        crossBorder: m.firm.country !== 'PL',
      });
      expect(m.parts).toHaveLength(6);
    }
    const plMatch = cutMatches.find((m) => m.firm.country === 'PL')!;
    const ltMatch = cutMatches.find((m) => m.firm.country === 'LT')!;
    expect(plMatch).toBeDefined();
    expect(ltMatch).toBeDefined();

    // Pages follow each other by cursor.
    if (cutMatches.length > 1) {
      const first = (await forPackage(plCoordinator, 'cut', 1)).data!.matchesForWorkPackage;
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const second = (await forPackage(plCoordinator, 'cut', 1, first.pageInfo.endCursor!)).data!.matchesForWorkPackage;
      expect(second.edges[0].node.id).toBe(cutMatches[1].id);
      expect(second.pageInfo.hasPreviousPage).toBe(true);
    }

    // Only the coordinators of the handling cluster broker; the buyer is told so, a stranger learns nothing.
    const stranger = await verifiedPolishFirm();
    const byBuyer = await step('endorseMatch', { matchId: plMatch.id }, buyer.token);
    expect(byBuyer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byStranger = await step('endorseMatch', { matchId: plMatch.id }, stranger.token);
    expect(byStranger.errors?.[0].extensions?.code).toBe('MATCH_NOT_FOUND');
    // A firm of the cluster may see the order, but not whom else was proposed; outsiders do not learn it exists.
    const supplierReads = await forPackage(stranger.token, 'cut');
    expect(supplierReads.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outsiderReads = await forPackage((await signUp()).token, 'cut');
    expect(outsiderReads.errors?.[0].extensions?.code).toBe('WORK_PACKAGE_NOT_FOUND');

    // Within the cluster: endorsed, then invited at once.
    const endorsed = await stepOk('endorseMatch', { matchId: plMatch.id, note: 'Close to the buyer.' }, plCoordinator);
    expect(endorsed).toMatchObject({ status: 'endorsed', awaitingApprovalOf: [] });
    expect(endorsed.actions).toEqual([
      expect.objectContaining({
        action: 'endorsed',
        clusterId: clusters.pl,
        fromStatus: 'proposed',
        toStatus: 'endorsed',
        note: 'Close to the buyer.',
      }),
    ]);
    const again = await step('endorseMatch', { matchId: plMatch.id }, plCoordinator);
    expect(again.errors?.[0].extensions?.code).toBe('MATCH_STATE_CONFLICT');
    const plInvited = await stepOk('inviteFirmToQuote', { matchId: plMatch.id }, plCoordinator);
    expect(plInvited.status).toBe('invited');

    // Across clusters: the Lithuanian cluster approves the introduction of its firm.
    const ltFirm = await firmUser(ltMatch.firm.name);
    const beforeInvitation = await gqlOk<{ matchingOpportunities: Connection }>(OPPORTUNITIES, {}, ltFirm);
    expect(beforeInvitation.matchingOpportunities.edges.map((e) => e.node.id)).not.toContain(ltMatch.id);
    await stepOk('endorseMatch', { matchId: ltMatch.id }, plCoordinator);
    const awaiting = await stepOk(
      'inviteFirmToQuote',
      { matchId: ltMatch.id, note: 'Best laser nearby.' },
      plCoordinator,
    );
    expect(awaiting).toMatchObject({
      status: 'awaiting_approval',
      crossBorder: true,
      awaitingApprovalOf: [clusters.lt],
    });
    const ltPipeline = await gqlOk<{ coordinatorPipeline: Connection }>(
      PIPELINE,
      { f: { clusterId: clusters.lt, statuses: ['awaiting_approval'], crossBorderOnly: true } },
      ltCoordinator,
    );
    const waiting = ltPipeline.coordinatorPipeline.edges.find((e) => e.node.id === ltMatch.id)!.node;
    expect(waiting.actions.map((a) => a.action)).toEqual(['endorsed', 'introduction_requested']);
    const approved = await stepOk('approveIntroduction', { matchId: ltMatch.id, note: 'Gladly.' }, ltCoordinator);
    expect(approved).toMatchObject({ status: 'invited', awaitingApprovalOf: [] });
    expect(approved.actions.map((a) => [a.action, a.clusterId])).toEqual([
      ['endorsed', clusters.pl],
      ['introduction_requested', clusters.pl],
      ['introduction_approved', clusters.lt],
    ]);

    // The invited firm sees the opportunity, but not the coordinators' notes, and quotes.
    const opportunities = await gqlOk<{ matchingOpportunities: Connection }>(OPPORTUNITIES, {}, ltFirm);
    const seen = opportunities.matchingOpportunities.edges.find((e) => e.node.id === ltMatch.id)!.node;
    expect(seen).toMatchObject({ status: 'invited', actions: [] });
    // …and is told so in the app, in Lithuanian, linked to the match (the worker turns the event into it).
    type Notes = { notifications: { edges: { node: { kind: string; title: string; links: { matchId: string } } }[] } };
    const told = await poll(
      () =>
        gqlOk<Notes>(`{ notifications(first: 20) { edges { node { kind title links { matchId } } } } }`, {}, ltFirm),
      (r) =>
        r.notifications.edges.some((e) => e.node.kind === 'invitation.received' && e.node.links.matchId === ltMatch.id),
      'the invitation to reach the firm in the app',
    );
    const invitation = told.notifications.edges.find((e) => e.node.kind === 'invitation.received')!.node;
    expect(invitation.title).toMatch(/^Kvietimas pateikti kainos pasiūlymą/);
    const unread = await gqlOk<{ unreadNotificationCount: number }>(`{ unreadNotificationCount }`, {}, ltFirm);
    expect(unread.unreadNotificationCount).toBeGreaterThan(0);
    const quote = await gqlOk<{ submitQuote: { id: string } }>(
      `mutation($i: SubmitQuoteInput!) { submitQuote(input: $i) { id } }`,
      {
        i: {
          idempotencyKey: `q-${randomUUID()}`,
          orderId,
          firmId: ltMatch.firm.id,
          validUntil: inDays(30),
          legs: [{ packageId: pkg('cut'), priceMinor: 250_000, currency: 'PLN', leadTimeDays: 7 }],
        },
      },
      ltFirm,
    );

    // The quote moves the match along (an event job): the pipeline shows it quoted, with its quote.
    const quoted = await poll(
      () =>
        gqlOk<{ coordinatorPipeline: Connection }>(PIPELINE, { f: { orderId, statuses: ['quoted'] } }, plCoordinator),
      (r) => r.coordinatorPipeline.edges.some((e) => e.node.id === ltMatch.id),
      'the match to be quoted',
    );
    expect(quoted.coordinatorPipeline.edges.find((e) => e.node.id === ltMatch.id)!.node).toMatchObject({
      status: 'quoted',
      quoteId: quote.submitQuote.id,
    });

    // The Polish firm declines its invitation, with a reason its coordinators read.
    const plFirm = await firmUser(plMatch.firm.name);
    const declined = await stepOk('declineInvitation', { matchId: plMatch.id, reason: 'No capacity in May.' }, plFirm);
    expect(declined).toMatchObject({ status: 'declined', actions: [] });
    const asCoordinator = (await forPackage(plCoordinator, 'cut')).data!.matchesForWorkPackage.edges.find(
      (e) => e.node.id === plMatch.id,
    )!.node;
    expect(asCoordinator.actions.at(-1)).toMatchObject({
      action: 'declined',
      clusterId: null,
      note: 'No capacity in May.',
    });

    // A match handed to the partner cluster is brokered by its coordinators from then on.
    const bend = await poll(
      () => forPackage(plCoordinator, 'bend'),
      (r) => (r.data?.matchesForWorkPackage.edges.length ?? 0) > 0,
      'matches of the second package',
    );
    const bendMatch = bend.data!.matchesForWorkPackage.edges[0].node;
    const handed = await stepOk('handOverToPartnerCluster', { matchId: bendMatch.id }, plCoordinator);
    expect(handed).toMatchObject({ status: 'proposed', handledByClusterId: clusters.lt });
    const notAnyMore = await step('dismissMatch', { matchId: bendMatch.id }, plCoordinator);
    expect(notAnyMore.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const dismissed = await stepOk('dismissMatch', { matchId: bendMatch.id, note: 'Too far.' }, ltCoordinator);
    expect(dismissed.status).toBe('dismissed');
    // A story of some thirty requests and two matching runs: a loaded machine needs more than the default 30 s.
  }, 60_000);

  it('shows chain proposals to the buyer and refuses them to others', async () => {
    const buyerKey = 'pl-podlaska-fabryka-maszyn';
    const buyer = await signIn(demoFirmUserEmail(DEMO_FIRMS.find((f) => f.key === buyerKey)!));
    const mine = await gqlOk<{ myCooperativeOrders: { edges: { node: { id: string } }[] } }>(
      `query { myCooperativeOrders(first: 1, filter: { status: open }) { edges { node { id } } } }`,
      {},
      buyer,
    );
    const orderId = mine.myCooperativeOrders.edges[0].node.id;
    const CHAINS = `query($o: UUID!) { chainProposals(orderId: $o) {
      orderId computedAt
      chains { steps { packageId key offerId country firm { id country } } totalPriceMinor currency priceEstimated
               completion transportKm borderCrossings countries cost }
      noChain { packageId key considered reasons { reason count } } } }`;
    interface Chains {
      chainProposals: {
        orderId: string;
        computedAt: string | null;
        chains: {
          steps: { key: string; country: string; firm: { country: string } }[];
          totalPriceMinor: number;
          currency: string;
          borderCrossings: number;
          countries: string[];
        }[];
        noChain: { key: string; considered: number; reasons: { reason: string; count: number }[] } | null;
      };
    }
    const c = await poll(
      () => gqlOk<Chains>(CHAINS, { o: orderId }, buyer),
      (r) => r.chainProposals.computedAt !== null,
      'the order to be matched',
    );
    expect(c.chainProposals.orderId).toBe(orderId);
    expect(c.chainProposals.chains.length > 0 || c.chainProposals.noChain !== null).toBe(true);
    for (const chain of c.chainProposals.chains) {
      expect(chain.steps.length).toBeGreaterThan(0);
      expect(chain.totalPriceMinor).toBeGreaterThanOrEqual(0);
      for (const s of chain.steps) expect(s.firm.country).toBe(s.country);
      expect(new Set(chain.countries)).toEqual(new Set(chain.steps.map((s) => s.country)));
    }
    if (c.chainProposals.noChain) {
      expect(c.chainProposals.chains).toEqual([]);
      expect(c.chainProposals.noChain.reasons.reduce((n, r) => n + r.count, 0)).toBeGreaterThan(0);
    }

    const { token: stranger } = await signUp();
    const refused = await gql(CHAINS, { o: orderId }, stranger);
    expect(refused.errors?.[0].extensions?.code).toBe('ORDER_NOT_FOUND');
  });

  it("lets anyone signed in read a cluster's matching settings and only its coordinators change them", async () => {
    const { token } = await signUp();
    const plCoordinator = await signInPlCoordinator();
    const clusters = await clusterIds(plCoordinator);
    const settings = await gqlOk<{
      matchingSettings: { clusterId: string; crossBorderWeight: number; introductionsNeedApproval: boolean };
    }>(
      `query($c: UUID!) { matchingSettings(clusterId: $c) { clusterId crossBorderWeight introductionsNeedApproval updatedAt } }`,
      { c: clusters.lt },
      token,
    );
    expect(settings.matchingSettings).toMatchObject({ clusterId: clusters.lt, introductionsNeedApproval: true });
    expect(settings.matchingSettings.crossBorderWeight).toBeGreaterThanOrEqual(0);
    expect(settings.matchingSettings.crossBorderWeight).toBeLessThanOrEqual(1);

    const unknown = await gql(
      `query($c: UUID!) { matchingSettings(clusterId: $c) { clusterId } }`,
      { c: randomUUID() },
      token,
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('CLUSTER_NOT_FOUND');

    const SET = `mutation($i: SetCrossBorderWeightInput!) { setCrossBorderWeight(input: $i) { crossBorderWeight } }`;
    const tooHeavy = await gql(SET, { i: { clusterId: clusters.pl, crossBorderWeight: 2 } }, plCoordinator);
    expect(tooHeavy.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'crossBorderWeight' });
    const notTheirs = await gql(
      SET,
      { i: { clusterId: clusters.pl, crossBorderWeight: 0.5 } },
      await signInLtCoordinator(),
    );
    expect(notTheirs.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const approval = await gql(
      `mutation($i: SetIntroductionApprovalInput!) { setIntroductionApproval(input: $i) { introductionsNeedApproval } }`,
      { i: { clusterId: clusters.lt, required: false } },
      token,
    );
    expect(approval.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
