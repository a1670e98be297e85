import { randomInt, randomUUID } from 'node:crypto';
import { DomainError, ErrorCode } from '@kooperant/platform-errors';
import { createTestApp, type TestApp } from '@kooperant/platform-testing';
import { IdentityModule } from '../identity.module';
import { AccessService } from '../access/access.service';
import type { Actor } from '../access/actor';
import { computeNipCheckDigit } from '../identifiers/identifiers';
import { FirmService } from '../firm/firm.service';
import { FirmErrorCode } from '../firm/firm.errors';
import { ClusterService } from './cluster.service';

function uniqueNip(): string {
  for (;;) {
    const first9 = String(randomInt(100_000_000, 1_000_000_000));
    const check = computeNipCheckDigit(first9);
    if (check !== null) return `${first9}${check}`;
  }
}

async function domainError(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, but the call succeeded');
}

describe('ClusterService', () => {
  let app: TestApp;
  let clusters: ClusterService;
  let firms: FirmService;
  let access: AccessService;

  const insertUser = async (email = `u-${randomUUID()}@test.kooperant`): Promise<string> =>
    (
      await app.db.query(
        `INSERT INTO app_user (email, password_hash, display_name, locale, time_zone)
         VALUES ($1, 'not-a-real-hash', 'Test User', 'pl', 'Europe/Warsaw') RETURNING id`,
        [email],
      )
    )[0].id;

  const insertCluster = async (country: 'PL' | 'LT' = 'PL'): Promise<string> =>
    (
      await app.db.query(
        `INSERT INTO cluster (code, name, country, city, lat, lng) VALUES ($1, $2, $3, 'Białystok', 53.13, 23.16)
         RETURNING id`,
        [
          `c-${randomUUID().slice(0, 8)}`,
          { en: 'Test cluster', pl: 'Klaster testowy', lt: 'Testo klasteris' },
          country,
        ],
      )
    )[0].id;

  const coordinatorOf = async (clusterId: string): Promise<Actor> => {
    const userId = await insertUser();
    await app.db.query(`INSERT INTO cluster_coordinator (user_id, cluster_id) VALUES ($1, $2)`, [userId, clusterId]);
    return access.actorFor(userId);
  };

  /** A user who registers a PL firm (and so is its admin). */
  const firmWithAdmin = async (): Promise<{ firmId: string; admin: Actor }> => {
    const admin = access.actorFor(await insertUser());
    const firm = await firms.registerFirm(admin, {
      name: `Firma ${randomUUID().slice(0, 6)}`,
      country: 'PL',
      nip: uniqueNip(),
      street: 'ul. Fabryczna 3',
      city: 'Suwałki',
      postcode: '16-400',
      lat: 54.1,
      lng: 22.93,
      sizeClass: 'micro',
    });
    return { firmId: firm.id, admin };
  };

  const events = (type: string): Promise<{ aggregate_id: string; payload: Record<string, unknown> }[]> =>
    app.db.query(`SELECT aggregate_id, payload FROM outbox_event WHERE type = $1`, [type]);

  beforeAll(async () => {
    app = await createTestApp([IdentityModule]);
    clusters = app.get(ClusterService);
    firms = app.get(FirmService);
    access = app.get(AccessService);
  });

  beforeEach(() => app.reset());

  afterAll(() => app?.close());

  it('lets a firm admin request membership: pending, with a firm.membership-requested event', async () => {
    const { firmId, admin } = await firmWithAdmin();
    const clusterId = await insertCluster();

    const m = await clusters.requestMembership(admin, firmId, clusterId);
    expect(m).toMatchObject({ firmId, clusterId, status: 'pending', requestedBy: admin.userId, decidedAt: null });
    expect(await events('firm.membership-requested')).toEqual([
      expect.objectContaining({ aggregate_id: firmId, payload: { firmId, clusterId, membershipId: m.id } }),
    ]);
  });

  it('refuses a membership request by a non-admin member of the firm with FORBIDDEN', async () => {
    const { firmId, admin } = await firmWithAdmin();
    const email = `member-${randomUUID()}@test.kooperant`;
    const memberId = await insertUser(email);
    await firms.setFirmMember(admin, firmId, email, 'member');

    const e = await domainError(clusters.requestMembership(access.actorFor(memberId), firmId, await insertCluster()));
    expect(e.code).toBe(ErrorCode.FORBIDDEN);
  });

  it('answers a membership request by a stranger to the firm with FIRM_NOT_FOUND', async () => {
    const { firmId } = await firmWithAdmin();
    const stranger = access.actorFor(await insertUser());

    const e = await domainError(clusters.requestMembership(stranger, firmId, await insertCluster()));
    expect(e.code).toBe(FirmErrorCode.FIRM_NOT_FOUND);
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM cluster_membership`);
    expect(n).toBe(0);
  });

  it('rejects a request to an unknown cluster with CLUSTER_NOT_FOUND on field clusterId', async () => {
    const { firmId, admin } = await firmWithAdmin();
    const e = await domainError(clusters.requestMembership(admin, firmId, randomUUID()));
    expect(e.code).toBe(FirmErrorCode.CLUSTER_NOT_FOUND);
    expect(e.problems.map((p) => p.field)).toEqual(['clusterId']);
  });

  it('returns the same pending membership when the firm asks twice, recording one event', async () => {
    const { firmId, admin } = await firmWithAdmin();
    const clusterId = await insertCluster();

    const first = await clusters.requestMembership(admin, firmId, clusterId);
    const second = await clusters.requestMembership(admin, firmId, clusterId);

    expect(second.id).toBe(first.id);
    expect(second.status).toBe('pending');
    expect(await events('firm.membership-requested')).toHaveLength(1);
  });

  it('hides a membership from a coordinator of another cluster with MEMBERSHIP_NOT_FOUND', async () => {
    const { firmId, admin } = await firmWithAdmin();
    const m = await clusters.requestMembership(admin, firmId, await insertCluster('PL'));
    const otherCoordinator = await coordinatorOf(await insertCluster('LT'));

    const e = await domainError(clusters.decideMembership(otherCoordinator, m.id, true));
    expect(e.code).toBe(FirmErrorCode.MEMBERSHIP_NOT_FOUND);
    const [row] = await app.db.query(`SELECT status FROM cluster_membership WHERE id = $1`, [m.id]);
    expect(row.status).toBe('pending');
  });

  it('answers a firm admin deciding their own request with MEMBERSHIP_NOT_FOUND', async () => {
    const { firmId, admin } = await firmWithAdmin();
    const m = await clusters.requestMembership(admin, firmId, await insertCluster());
    expect((await domainError(clusters.decideMembership(admin, m.id, true))).code).toBe(
      FirmErrorCode.MEMBERSHIP_NOT_FOUND,
    );
  });

  it('lets exactly one of 5 concurrent decisions win; the others get MEMBERSHIP_ALREADY_DECIDED', async () => {
    const { firmId, admin } = await firmWithAdmin();
    const clusterId = await insertCluster();
    const m = await clusters.requestMembership(admin, firmId, clusterId);
    const coordinators = await Promise.all(Array.from({ length: 5 }, () => coordinatorOf(clusterId)));

    const results = await Promise.allSettled(
      coordinators.map((c, i) => clusters.decideMembership(c, m.id, i % 2 === 0, `decision ${i}`)),
    );

    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as DomainError).code)).toEqual(
      Array(4).fill(FirmErrorCode.MEMBERSHIP_ALREADY_DECIDED),
    );
    const [{ n }] = await app.db.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE type IN ('firm.verified', 'firm.membership-rejected')`,
    );
    expect(n).toBe(1);
  });

  it('reopens a rejected membership as pending when the firm asks again', async () => {
    const { firmId, admin } = await firmWithAdmin();
    const clusterId = await insertCluster();
    const coordinator = await coordinatorOf(clusterId);
    const m = await clusters.requestMembership(admin, firmId, clusterId);
    const rejected = await clusters.decideMembership(coordinator, m.id, false, 'Missing documents.');
    expect(rejected).toMatchObject({ status: 'rejected', decidedBy: coordinator.userId });
    expect(await events('firm.membership-rejected')).toHaveLength(1);

    const again = await clusters.requestMembership(admin, firmId, clusterId);
    expect(again).toMatchObject({ id: m.id, status: 'pending', decidedBy: null, decidedAt: null, decisionNote: null });
    expect(await events('firm.membership-requested')).toHaveLength(2);
    // ...and it can be decided again.
    await expect(clusters.decideMembership(coordinator, m.id, true)).resolves.toMatchObject({ status: 'verified' });
  });

  it('keeps a verified membership verified when the firm asks again', async () => {
    const { firmId, admin } = await firmWithAdmin();
    const clusterId = await insertCluster();
    const m = await clusters.requestMembership(admin, firmId, clusterId);
    await clusters.decideMembership(await coordinatorOf(clusterId), m.id, true);

    await expect(clusters.requestMembership(admin, firmId, clusterId)).resolves.toMatchObject({
      id: m.id,
      status: 'verified',
    });
  });

  it('records firm.verified in the outbox when a coordinator verifies, and FirmService.isVerified flips', async () => {
    const { firmId, admin } = await firmWithAdmin();
    const clusterId = await insertCluster();
    const coordinator = await coordinatorOf(clusterId);
    const m = await clusters.requestMembership(admin, firmId, clusterId);
    expect(await firms.isVerified(firmId)).toBe(false);

    const verified = await clusters.decideMembership(coordinator, m.id, true, 'Checked in KRS.');

    expect(verified).toMatchObject({
      status: 'verified',
      decidedBy: coordinator.userId,
      decisionNote: 'Checked in KRS.',
    });
    expect(verified.decidedAt).toBeInstanceOf(Date);
    expect(await firms.isVerified(firmId)).toBe(true);
    const [event] = await app.db.query(`SELECT * FROM outbox_event WHERE type = 'firm.verified'`);
    expect(event).toMatchObject({
      aggregate_type: 'firm',
      aggregate_id: firmId,
      actor_user_id: coordinator.userId,
      payload: { firmId, clusterId, membershipId: m.id },
    });
  });

  it('lets a platform admin decide a membership of any cluster', async () => {
    const { firmId, admin } = await firmWithAdmin();
    const m = await clusters.requestMembership(admin, firmId, await insertCluster());
    const platformAdminId = await insertUser();
    await app.db.query(`UPDATE app_user SET is_platform_admin = true WHERE id = $1`, [platformAdminId]);

    await expect(clusters.decideMembership(access.actorFor(platformAdminId), m.id, true)).resolves.toMatchObject({
      status: 'verified',
    });
  });
});
