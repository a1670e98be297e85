/**
 * Test data for the catalogue's integration tests (`*.int-spec.ts`). Not exported by the lib's index:
 * only tests import it. Users, clusters and coordinators are inserted with SQL (no argon2 cost); firms,
 * memberships and offers go through the real services so that their rules and outbox rows apply.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  AccessService,
  ClusterService,
  computeLtCompanyCodeCheckDigit,
  computeNipCheckDigit,
  FirmService,
  type Actor,
  type FirmDetails,
} from '@kooperant/identity';
import { DomainError } from '@kooperant/platform-errors';
import { adminSql, workerDatabaseName, type TestApp } from '@kooperant/platform-testing';
import { OfferService, type CreateOfferCommand } from '../offer/offer.service';
import type { OfferEntity } from '../offer/offer.entity';
import type { OfferDraft } from '../offer/offer.validation';

const DAY_MS = 86_400_000;

/** A valid, random Polish NIP (10 digits, correct check digit). */
export function uniqueNip(): string {
  for (;;) {
    const first9 = String(randomInt(100_000_000, 1_000_000_000));
    const check = computeNipCheckDigit(first9);
    if (check !== null) return `${first9}${check}`;
  }
}

/** A random Lithuanian company code (9 digits starting with 3) whose unofficial check digit passes. */
export function uniqueLtCompanyCode(): string {
  const first8 = `3${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
  return `${first8}${computeLtCompanyCodeCheckDigit(first8)}`;
}

/** Inserts a user directly (no password hashing); returns its id. */
export async function insertUser(
  db: DataSource,
  opts: { email?: string; locale?: 'en' | 'pl' | 'lt'; platformAdmin?: boolean } = {},
): Promise<string> {
  const locale = opts.locale ?? 'pl';
  const [row] = await db.query(
    `INSERT INTO app_user (email, password_hash, display_name, locale, time_zone, is_platform_admin)
     VALUES ($1, 'not-a-real-hash', 'Test User', $2, $3, $4) RETURNING id`,
    [
      opts.email ?? `user-${randomUUID()}@test.kooperant`,
      locale,
      locale === 'lt' ? 'Europe/Vilnius' : 'Europe/Warsaw',
      opts.platformAdmin ?? false,
    ],
  );
  return row.id as string;
}

/** Inserts a cluster; returns its id. */
export async function insertCluster(db: DataSource, country: 'PL' | 'LT' = 'PL'): Promise<string> {
  const code = `test-${randomUUID().slice(0, 8)}`;
  const [row] = await db.query(
    `INSERT INTO cluster (code, name, country, city, lat, lng) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      code,
      { en: `Cluster ${code}`, pl: `Klaster ${code}`, lt: `Klasteris ${code}` },
      country,
      country === 'PL' ? 'Białystok' : 'Alytus',
      country === 'PL' ? 53.13 : 54.4,
      country === 'PL' ? 23.16 : 24.05,
    ],
  );
  return row.id as string;
}

/** A new user who coordinates `clusterId`; returns the user id. */
export async function insertCoordinator(db: DataSource, clusterId: string): Promise<string> {
  const userId = await insertUser(db);
  await db.query(`INSERT INTO cluster_coordinator (user_id, cluster_id) VALUES ($1, $2)`, [userId, clusterId]);
  return userId;
}

export function plFirmDetails(overrides: Partial<FirmDetails> = {}): FirmDetails {
  return {
    name: `Metal-Test ${randomUUID().slice(0, 6)} Sp. z o.o.`,
    country: 'PL',
    nip: uniqueNip(),
    street: 'ul. Przemysłowa 12',
    city: 'Białystok',
    postcode: '15-123',
    lat: 53.13,
    lng: 23.16,
    languages: ['pl', 'en'],
    sizeClass: 'small',
    ...overrides,
  };
}

export function ltFirmDetails(overrides: Partial<FirmDetails> = {}): FirmDetails {
  return {
    name: `UAB Test ${randomUUID().slice(0, 6)}`,
    country: 'LT',
    companyCode: uniqueLtCompanyCode(),
    street: 'Pramonės g. 5',
    city: 'Alytus',
    postcode: 'LT-62100',
    lat: 54.4,
    lng: 24.05,
    languages: ['lt', 'en'],
    sizeClass: 'medium',
    ...overrides,
  };
}

export interface TestFirm {
  firmId: string;
  country: 'PL' | 'LT';
  /** The firm's admin (who registered it). */
  adminId: string;
  admin: Actor;
}

/** A user registers a firm through FirmService and becomes its admin. */
export async function registerFirm(app: TestApp, country: 'PL' | 'LT' = 'PL'): Promise<TestFirm> {
  const adminId = await insertUser(app.db, { locale: country === 'PL' ? 'pl' : 'lt' });
  const admin = app.get(AccessService).actorFor(adminId);
  const details = country === 'PL' ? plFirmDetails() : ltFirmDetails();
  const firm = await app.get(FirmService).registerFirm(admin, details);
  return { firmId: firm.id, country, adminId, admin };
}

/** A plain (non-admin) member of the firm, added by its admin; returns the user id. */
export async function addMember(app: TestApp, firm: TestFirm): Promise<string> {
  const email = `member-${randomUUID()}@test.kooperant`;
  const userId = await insertUser(app.db, { email });
  await app.get(FirmService).setFirmMember(firm.admin, firm.firmId, email, 'member');
  return userId;
}

/** The firm asks to join the cluster and a coordinator of it verifies the request (both through ClusterService). */
export async function verifyFirm(app: TestApp, firm: TestFirm, clusterId: string): Promise<void> {
  const clusters = app.get(ClusterService);
  const coordinatorId = await insertCoordinator(app.db, clusterId);
  const membership = await clusters.requestMembership(firm.admin, firm.firmId, clusterId);
  await clusters.decideMembership(app.get(AccessService).actorFor(coordinatorId), membership.id, true);
}

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

export async function countRows(db: DataSource, table: 'firm' | 'offer' | 'outbox_event'): Promise<number> {
  const [row] = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n as number;
}

export interface OutboxRow {
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  actor_user_id: string | null;
}

/** Outbox rows of one type (optionally of one aggregate), oldest first. */
export function outboxEvents(db: DataSource, type: string, aggregateId?: string): Promise<OutboxRow[]> {
  return aggregateId
    ? db.query(`SELECT * FROM outbox_event WHERE type = $1 AND aggregate_id = $2 ORDER BY created_at, id`, [
        type,
        aggregateId,
      ])
    : db.query(`SELECT * FROM outbox_event WHERE type = $1 ORDER BY created_at, id`, [type]);
}

export { DAY_MS };

/** Awaits `work` and returns the DomainError it must fail with (anything else fails the test). */
export async function domainError(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, but the call succeeded');
}

/** The fields a DomainError names, sorted. */
export const fieldsOf = (e: DomainError): string[] => e.problems.map((p) => p.field).sort();

/**
 * Waits up to `ms` for `work` (which must not reject: pass a Promise.allSettled). If it is still pending, the
 * pool is presumably starved: this ends the worker database's sessions that sit idle inside a transaction or
 * wait for a lock, so that the calls fail, the pool recovers and the rest of the file can run; then it waits
 * for `work` and reports 'stuck'.
 */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<'settled' | 'stuck'> {
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    work.then(() => 'settled' as const),
    new Promise<'stuck'>((resolve) => (timer = setTimeout(() => resolve('stuck'), ms))),
  ]);
  clearTimeout(timer);
  if (outcome === 'stuck') {
    await adminSql(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = '${workerDatabaseName()}' AND pid <> pg_backend_pid()
         AND (state = 'idle in transaction' OR wait_event_type = 'Lock')`,
    );
    await work;
  }
  return outcome;
}
