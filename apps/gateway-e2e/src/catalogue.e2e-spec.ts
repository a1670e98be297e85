import { randomUUID } from 'node:crypto';
import { gql, gqlOk } from './support/gql';
import {
  clusterIds,
  offerInput,
  polishFirmInput,
  signInLtCoordinator,
  signInLtDemoUser,
  signInPlCoordinator,
  signUp,
  verifiedPolishFirm,
} from './support/actors';

const CREATE = `mutation($i: CreateOfferInput!) { createOffer(input: $i) { id status language title firm { id country } } }`;
const PUBLISH = `mutation($i: OfferIdInput!) { publishOffer(input: $i) { id status publishedAt } }`;
const SEARCH = `query($q: String, $f: OfferSearchFilterInput, $first: Int, $after: String) {
  searchOffers(query: $q, filter: $f, first: $first, after: $after) {
    edges { cursor score matchedTerms matchedTaxonomy { entry { code } term termLocale }
            node { id title language firm { name country } processes { code labels { en pl lt } } } }
    pageInfo { hasNextPage endCursor }
    interpretation { entry { code } queryWords }
  }
}`;

type SearchData = {
  searchOffers: {
    edges: {
      cursor: string;
      score: number;
      matchedTerms: string[];
      matchedTaxonomy: { entry: { code: string }; term: string; termLocale: string }[];
      node: { id: string; title: string; language: string; firm: { name: string; country: string } };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    interpretation: { entry: { code: string }; queryWords: string[] }[];
  };
};

describe('catalogue over GraphQL', () => {
  it('takes a firm from sign-up through verification to a published offer that a Lithuanian finds with "frezavimas"', async () => {
    const { token } = await signUp('pl');
    const firm = await gqlOk<{ registerFirm: { id: string; verified: boolean; nip: string } }>(
      `mutation($i: RegisterFirmInput!) { registerFirm(input: $i) { id verified nip } }`,
      { i: polishFirmInput() },
      token,
    );
    expect(firm.registerFirm.verified).toBe(false);
    const firmId = firm.registerFirm.id;

    const created = await gqlOk<{ createOffer: { id: string; status: string } }>(
      CREATE,
      { i: offerInput(firmId, { title: `Frezowanie CNC kołnierzy ${randomUUID().slice(0, 6)}` }) },
      token,
    );
    expect(created.createOffer.status).toBe('draft');

    const early = await gql(PUBLISH, { i: { offerId: created.createOffer.id } }, token);
    expect(early.errors?.[0].extensions?.code).toBe('FIRM_NOT_VERIFIED');

    const { pl } = await clusterIds(token);
    const membership = await gqlOk<{ requestClusterMembership: { id: string; status: string } }>(
      `mutation($i: RequestClusterMembershipInput!) { requestClusterMembership(input: $i) { id status } }`,
      { i: { firmId, clusterId: pl } },
      token,
    );
    expect(membership.requestClusterMembership.status).toBe('pending');

    const coordinator = await signInPlCoordinator();
    const pending = await gqlOk<{ clusterMemberships: { id: string; firm: { id: string } }[] }>(
      `query($c: UUID!) { clusterMemberships(clusterId: $c, status: pending) { id firm { id } } }`,
      { c: pl },
      coordinator,
    );
    expect(pending.clusterMemberships.map((m) => m.firm.id)).toContain(firmId);
    await gqlOk(
      `mutation($i: DecideClusterMembershipInput!) { decideClusterMembership(input: $i) { status } }`,
      { i: { membershipId: membership.requestClusterMembership.id, verify: true } },
      coordinator,
    );

    const published = await gqlOk<{ publishOffer: { status: string } }>(
      PUBLISH,
      { i: { offerId: created.createOffer.id } },
      token,
    );
    expect(published.publishOffer.status).toBe('published');

    const lt = await signInLtDemoUser();
    const found = await gqlOk<SearchData>(SEARCH, { q: 'frezavimas', f: { firmCountries: ['PL'] }, first: 100 }, lt);
    const hit = found.searchOffers.edges.find((e) => e.node.id === created.createOffer.id);
    expect(hit).toBeDefined();
    expect(hit?.node.language).toBe('pl');
    expect(hit?.node.firm.country).toBe('PL');
    expect(hit?.matchedTerms).toContain('frezavimas');
    expect(hit?.matchedTaxonomy.map((m) => m.entry.code)).toContain('process.cnc-milling');
    expect(found.searchOffers.interpretation[0].entry.code).toBe('process.cnc-milling');
  });

  it('finds Polish stainless-steel offers from the Lithuanian "nerūdijantis plienas", ranked by relevance', async () => {
    const lt = await signInLtDemoUser();
    const d = await gqlOk<SearchData>(SEARCH, { q: 'nerūdijantis plienas', first: 20 }, lt);
    expect(d.searchOffers.edges.length).toBeGreaterThan(0);
    expect(d.searchOffers.edges.some((e) => e.node.language === 'pl')).toBe(true);
    const scores = d.searchOffers.edges.map((e) => e.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('pages through results with cursors without repeating an offer', async () => {
    const lt = await signInLtDemoUser();
    const seen = new Set<string>();
    let after: string | null = null;
    for (let page = 0; page < 4; page++) {
      const d: SearchData = await gqlOk<SearchData>(SEARCH, { q: 'spawanie', first: 3, after }, lt);
      for (const e of d.searchOffers.edges) {
        expect(seen.has(e.node.id)).toBe(false);
        seen.add(e.node.id);
      }
      if (!d.searchOffers.pageInfo.hasNextPage) break;
      after = d.searchOffers.pageInfo.endCursor;
    }
    expect(seen.size).toBeGreaterThan(3);
  });

  it('replays createOffer with the same idempotency key and refuses the key for other input', async () => {
    const { token, firmId } = await verifiedPolishFirm();
    const input = { ...offerInput(firmId), idempotencyKey: `offer-${randomUUID()}` };
    const a = await gqlOk<{ createOffer: { id: string } }>(CREATE, { i: input }, token);
    const b = await gqlOk<{ createOffer: { id: string } }>(CREATE, { i: input }, token);
    expect(b.createOffer.id).toBe(a.createOffer.id);
    const c = await gql(CREATE, { i: { ...input, leadTimeDays: 3 } }, token);
    expect(c.errors?.[0].extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('catalogue permissions', () => {
  it('does not let another firm read a draft or change an offer', async () => {
    const owner = await verifiedPolishFirm();
    const offer = await gqlOk<{ createOffer: { id: string } }>(CREATE, { i: offerInput(owner.firmId) }, owner.token);
    const stranger = await verifiedPolishFirm();
    const read = await gql(`query($id: UUID!) { offer(id: $id) { id } }`, { id: offer.createOffer.id }, stranger.token);
    expect(read.errors?.[0].extensions?.code).toBe('OFFER_NOT_FOUND');
    const update = await gql(
      `mutation($i: UpdateOfferInput!) { updateOffer(input: $i) { id } }`,
      { i: { offerId: offer.createOffer.id, title: 'Przejęta oferta' } },
      stranger.token,
    );
    expect(update.errors?.[0].extensions?.code).toBe('OFFER_NOT_FOUND');
    const archive = await gql(
      `mutation($i: OfferIdInput!) { archiveOffer(input: $i) { id } }`,
      { i: { offerId: offer.createOffer.id } },
      stranger.token,
    );
    expect(archive.errors?.[0].extensions?.code).toBe('OFFER_NOT_FOUND');
    const create = await gql(CREATE, { i: offerInput(owner.firmId) }, stranger.token);
    expect(create.errors?.[0].extensions?.code).toBe('FIRM_NOT_FOUND');
  });

  it('refuses anonymous callers', async () => {
    for (const q of [
      `{ searchOffers(query: "spawanie") { edges { cursor } } }`,
      `{ me { user { id } } }`,
      `{ clusters { id } }`,
    ]) {
      const r = await gql(q);
      expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const r = await gql(CREATE, { i: offerInput('00000000-0000-0000-0000-000000000000') });
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ignores a forged token', async () => {
    const r = await gql(`{ me { user { id } } }`, {}, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged');
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets only a coordinator of the cluster decide a membership', async () => {
    const { token } = await signUp('pl');
    const firm = await gqlOk<{ registerFirm: { id: string } }>(
      `mutation($i: RegisterFirmInput!) { registerFirm(input: $i) { id } }`,
      { i: polishFirmInput() },
      token,
    );
    const { pl } = await clusterIds(token);
    const m = await gqlOk<{ requestClusterMembership: { id: string } }>(
      `mutation($i: RequestClusterMembershipInput!) { requestClusterMembership(input: $i) { id } }`,
      { i: { firmId: firm.registerFirm.id, clusterId: pl } },
      token,
    );
    const decide = `mutation($i: DecideClusterMembershipInput!) { decideClusterMembership(input: $i) { status } }`;
    const self = await gql(decide, { i: { membershipId: m.requestClusterMembership.id, verify: true } }, token);
    expect(self.errors?.[0].extensions?.code).toBe('MEMBERSHIP_NOT_FOUND');
    const ltCoordinator = await signInLtCoordinator();
    const other = await gql(
      decide,
      { i: { membershipId: m.requestClusterMembership.id, verify: true } },
      ltCoordinator,
    );
    expect(other.errors?.[0].extensions?.code).toBe('MEMBERSHIP_NOT_FOUND');
  });
});
