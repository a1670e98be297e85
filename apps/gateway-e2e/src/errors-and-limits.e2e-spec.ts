import { baseUrl, gql, gqlOk } from './support/gql';
import { offerInput, polishFirmInput, signUp, verifiedPolishFirm } from './support/actors';

function expectNoInternals(errors: { message: string; extensions?: Record<string, unknown> }[] | undefined) {
  const text = JSON.stringify(errors);
  expect(text).not.toMatch(/stacktrace|\.ts:\d+|at [A-Za-z]+ \(/);
  expect(text).not.toContain('INTERNAL_SERVER_ERROR');
}

describe('errors', () => {
  it('rejects a NIP with a wrong check digit, naming the field', async () => {
    const { token } = await signUp();
    const r = await gql(
      `mutation($i: RegisterFirmInput!) { registerFirm(input: $i) { id } }`,
      { i: polishFirmInput({ nip: '8567346216' }) },
      token,
    );
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'nip' });
    expectNoInternals(r.errors);
  });

  it('reports an input of the wrong type as VALIDATION_FAILED with its field', async () => {
    const { token } = await signUp();
    const r = await gql(
      `mutation($i: RegisterFirmInput!) { registerFirm(input: $i) { id } }`,
      { i: polishFirmInput({ lat: 'north' }) },
      token,
    );
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lat' });
    expectNoInternals(r.errors);
  });

  it('names every bad offer field at once and writes nothing', async () => {
    const { token, firmId } = await verifiedPolishFirm();
    const r = await gql(
      `mutation($i: CreateOfferInput!) { createOffer(input: $i) { id } }`,
      {
        i: offerInput(firmId, {
          processCodes: ['process.no-such-thing'],
          leadTimeDays: -1,
          validUntil: '2000-01-01T00:00:00Z',
        }),
      },
      token,
    );
    const problems = (r.errors?.[0].extensions?.['problems'] as { field: string }[]).map((p) => p.field).sort();
    expect(problems).toEqual(['leadTimeDays', 'processCodes.0', 'validUntil']);
    const mine = await gqlOk<{ myOffers: { edges: unknown[] } }>(`{ myOffers { edges { cursor } } }`, {}, token);
    expect(mine.myOffers.edges).toHaveLength(0);
  });

  it('rejects an unknown cursor', async () => {
    const { token } = await signUp();
    const r = await gql(`{ searchOffers(query: "spawanie", after: "garbage") { edges { cursor } } }`, {}, token);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'after' });
  });
});

describe('limits', () => {
  it('caps the page size', async () => {
    const { token } = await signUp();
    const r = await gql(`query($n: Int) { searchOffers(first: $n) { edges { cursor } } }`, { n: 1000 }, token);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'first' });
  });

  it('counts a literal page size into the query cost', async () => {
    const { token } = await signUp();
    const r = await gql(`{ searchOffers(first: 1000) { edges { node { id title firm { name } } } } }`, {}, token);
    expect(r.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a query nested too deep', async () => {
    const deep = `{ clusters { partnerCluster { partnerCluster { partnerCluster { partnerCluster { partnerCluster { partnerCluster { partnerCluster { partnerCluster { partnerCluster { partnerCluster { id } } } } } } } } } } } }`;
    const r = await gql(deep);
    expect(r.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: clusters { id }`).join(' ');
    const r = await gql(`{ ${aliases} }`);
    expect(r.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('sessions', () => {
  const REFRESH = `mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken refreshToken } }`;

  it('rotates refresh tokens and ends the session when a used one comes back', async () => {
    const s = await signUp();
    const r1 = await gqlOk<{ refreshToken: { refreshToken: string } }>(REFRESH, { t: s.refreshToken });
    const reused = await gql(REFRESH, { t: s.refreshToken });
    expect(reused.errors?.[0].extensions?.code).toBe('REFRESH_TOKEN_REUSED');
    const afterTheft = await gql(REFRESH, { t: r1.refreshToken.refreshToken });
    expect(afterTheft.errors?.[0].extensions?.code).toBe('INVALID_REFRESH_TOKEN');
  });

  it('signs out by revoking the session', async () => {
    const s = await signUp();
    await gqlOk(`mutation($t: String!) { signOut(input: { refreshToken: $t }) { ok } }`, { t: s.refreshToken });
    const r = await gql(REFRESH, { t: s.refreshToken });
    expect(r.errors?.[0].extensions?.code).toBe('INVALID_REFRESH_TOKEN');
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const s = await signUp();
    const wrong = await gql(
      `mutation { signIn(input: { email: "${s.email}", password: "not the password" }) { accessToken } }`,
    );
    const nobody = await gql(
      `mutation { signIn(input: { email: "nobody@test.kooperant", password: "not the password" }) { accessToken } }`,
    );
    expect(wrong.errors?.[0].extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(nobody.errors?.[0].message).toBe(wrong.errors?.[0].message);
  });
});

describe('health', () => {
  it('answers live and ready', async () => {
    const live = await fetch(`${baseUrl()}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${baseUrl()}/health/ready`);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', queue: 'ok' } });
  });
});

describe('token limit', () => {
  it('refuses a document of more than 2000 tokens before parsing it all', async () => {
    const fields = Array.from({ length: 2100 }, () => '__typename').join(' ');
    const r = await gql(`{ ${fields} }`);
    expect(r.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('malformed ids', () => {
  it('refuses an id that is not a UUID as bad input, for arguments and input fields alike, never as an internal error', async () => {
    const { token } = await signUp();
    const literal = await gql(`{ offer(id: "abc") { id } }`, {}, token);
    expect(literal.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id' });
    const variable = await gql(
      `mutation($i: OfferIdInput!) { publishOffer(input: $i) { id } }`,
      { i: { offerId: 'abc' } },
      token,
    );
    expect(variable.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'offerId' });
    const decide = await gql(
      `mutation($i: DecideClusterMembershipInput!) { decideClusterMembership(input: $i) { id } }`,
      { i: { membershipId: '1; DROP TABLE firm', verify: true } },
      token,
    );
    expect(decide.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'membershipId' });
  });
});
