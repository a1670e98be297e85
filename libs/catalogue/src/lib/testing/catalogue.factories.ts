/**
 * Test data for the catalogue's integration tests (`*.int-spec.ts`). Not exported by the lib's index:
 * only tests import it. Users, clusters, coordinators and firms come from `@kooperant/identity/testing`;
 * offers go through the real OfferService so that its rules and outbox rows apply.
 */
import { insertCluster, registerFirm, verifyFirm, type TestFirm } from '@kooperant/identity/testing';
import type { TestApp } from '@kooperant/platform-testing';
import { OfferService, type CreateOfferCommand } from '../offer/offer.service';
import type { OfferEntity } from '../offer/offer.entity';
import type { OfferDraft } from '../offer/offer.validation';

const DAY_MS = 86_400_000;

/** A registered firm verified by a coordinator of a (new, unless given) cluster. */
export async function verifiedFirm(
  app: TestApp,
  country: 'PL' | 'LT' = 'PL',
  clusterId?: string,
): Promise<TestFirm & { clusterId: string }> {
  const firm = await registerFirm(app, country);
  const cluster = clusterId ?? (await insertCluster(app.db, country));
  await verifyFirm(app, firm, cluster);
  return { ...firm, clusterId: cluster };
}

/** A valid offer draft; override what the test is about. */
export function offerDraft(overrides: Partial<OfferDraft> = {}): OfferDraft {
  return {
    language: 'pl',
    title: 'Cięcie laserowe blach do 20 mm',
    description: 'Cięcie laserowe elementów z blach stalowych, krótkie serie i prototypy.',
    processCodes: ['process.laser-cutting'],
    materialCodes: ['material.structural-steel'],
    leadTimeDays: 10,
    countriesServed: ['PL', 'LT'],
    validUntil: new Date(Date.now() + 90 * DAY_MS),
    ...overrides,
  };
}

/** Creates a draft offer as the firm's admin. */
export function createOffer(app: TestApp, firm: TestFirm, overrides: Partial<OfferDraft> = {}): Promise<OfferEntity> {
  const cmd: CreateOfferCommand = { ...offerDraft(overrides), firmId: firm.firmId };
  return app.get(OfferService).createOffer(firm.admin, cmd);
}

/** Creates and publishes an offer (the firm must be verified). */
export async function publishedOffer(
  app: TestApp,
  firm: TestFirm,
  overrides: Partial<OfferDraft> = {},
): Promise<OfferEntity> {
  const draft = await createOffer(app, firm, overrides);
  return app.get(OfferService).publishOffer(firm.admin, draft.id);
}

export { DAY_MS };
