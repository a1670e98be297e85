import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS, DEMO_FIRMS, DEMO_PASSWORD, demoFirmUserEmail } from '@kooperant/identity';
import { plFirmDetails } from '@kooperant/identity/testing';
import { gqlOk } from './gql';

const AUTH = `accessToken refreshToken user { id email }`;

export async function signUp(
  locale: 'pl' | 'lt' | 'en' = 'pl',
): Promise<{ token: string; refreshToken: string; email: string }> {
  const email = `e2e-${randomUUID()}@test.kooperant`;
  const d = await gqlOk<{ signUp: { accessToken: string; refreshToken: string } }>(
    `mutation($i: SignUpInput!) { signUp(input: $i) { ${AUTH} } }`,
    { i: { email, password: 'correct horse battery', displayName: 'E2E User', locale } },
  );
  return { token: d.signUp.accessToken, refreshToken: d.signUp.refreshToken, email };
}

export async function signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
  const d = await gqlOk<{ signIn: { accessToken: string } }>(
    `mutation($i: SignInInput!) { signIn(input: $i) { ${AUTH} } }`,
    {
      i: { email, password },
    },
  );
  return d.signIn.accessToken;
}

export const signInPlCoordinator = () => signIn(DEMO_ACCOUNTS.plCoordinator.email);
export const signInLtCoordinator = () => signIn(DEMO_ACCOUNTS.ltCoordinator.email);
export const signInLtDemoUser = () => signIn(demoFirmUserEmail(DEMO_FIRMS.find((f) => f.country === 'LT')!));

/** RegisterFirmInput of a valid Polish firm with a NIP no other test uses; overrides may be of any type. */
export function polishFirmInput(overrides: Record<string, unknown> = {}) {
  return { ...plFirmDetails(), ...overrides };
}

export async function clusterIds(token: string): Promise<{ pl: string; lt: string }> {
  const d = await gqlOk<{ clusters: { id: string; country: string }[] }>(`{ clusters { id country } }`, {}, token);
  return { pl: d.clusters.find((c) => c.country === 'PL')!.id, lt: d.clusters.find((c) => c.country === 'LT')!.id };
}

/** Signs up, registers a Polish firm, and has the Polish coordinator verify it. */
export async function verifiedPolishFirm(): Promise<{ token: string; firmId: string }> {
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
  await gqlOk(
    `mutation($i: DecideClusterMembershipInput!) { decideClusterMembership(input: $i) { status } }`,
    { i: { membershipId: m.requestClusterMembership.id, verify: true } },
    await signInPlCoordinator(),
  );
  return { token, firmId: firm.registerFirm.id };
}

export function offerInput(firmId: string, overrides: Record<string, unknown> = {}) {
  return {
    firmId,
    language: 'pl',
    title: 'Frezowanie CNC 5-osiowe części ze stali nierdzewnej',
    description: 'Centrum obróbcze DMG, stół 800 x 600 mm, serie od 10 do 5000 sztuk.',
    processCodes: ['process.cnc-milling'],
    materialCodes: ['material.stainless-steel'],
    capacity: {
      maxPartLengthMm: 800,
      maxPartWidthMm: 600,
      maxPartHeightMm: 500,
      toleranceMm: 0.01,
      minBatch: 10,
      maxBatch: 5000,
    },
    leadTimeDays: 14,
    price: { amountMinor: 12_500, currency: 'PLN', unit: 'pcs' },
    countriesServed: ['PL', 'LT'],
    validUntil: new Date(Date.now() + 90 * 86_400_000).toISOString(),
    ...overrides,
  };
}
