/**
 * Identity test data for integration and e2e tests. Not exported by the lib's index (test code stays out of
 * the public face): identity's own specs import it relatively, other projects as `@kooperant/identity/testing`.
 * Users, clusters and coordinators are inserted with SQL (no argon2 cost); firms and memberships go through
 * the real services so that their rules and outbox rows apply.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TestApp } from '@kooperant/platform-testing';
import { AccessService } from '../lib/access/access.service';
import type { Actor } from '../lib/access/actor';
import { ClusterService } from '../lib/cluster/cluster.service';
import { FirmService } from '../lib/firm/firm.service';
import type { FirmDetails } from '../lib/firm/firm.validation';
import { computeLtCompanyCodeCheckDigit, computeNipCheckDigit } from '../lib/identifiers/identifiers';

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

/** Valid details of a Polish firm with a unique NIP; override what the test is about. */
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

/** Valid details of a Lithuanian firm with a unique company code; override what the test is about. */
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

/** A plain (non-admin) member of the firm, added by its admin through FirmService; returns the user id. */
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
