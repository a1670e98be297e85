import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode } from '@kooperant/platform-errors';
import { createTestApp, domainError, fieldsOf, type TestApp } from '@kooperant/platform-testing';
import { addMember, insertCluster, insertCoordinator, insertUser, registerFirm } from '../../testing';
import { IdentityModule } from '../identity.module';
import { AccessService } from '../access/access.service';
import type { Actor } from '../access/actor';
import { FirmService } from '../firm/firm.service';
import { FirmErrorCode } from '../firm/firm.errors';
import { ClusterService } from './cluster.service';

describe('ClusterService', () => {
  let app: TestApp;
  let clusters: ClusterService;
  let firms: FirmService;
  let access: AccessService;

  const coordinatorOf = async (clusterId: string): Promise<Actor> =>
    access.actorFor(await insertCoordinator(app.db, clusterId));

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
    const { firmId, admin } = await registerFirm(app);
    const clusterId = await insertCluster(app.db);

    const m = await clusters.requestMembership(admin, firmId, clusterId);
    expect(m).toMatchObject({ firmId, clusterId, status: 'pending', requestedBy: admin.userId, decidedAt: null });
    expect(await events('firm.membership-requested')).toEqual([
      expect.objectContaining({ aggregate_id: firmId, payload: { firmId, clusterId, membershipId: m.id } }),
    ]);
  });

  it('refuses a membership request by a non-admin member of the firm with FORBIDDEN', async () => {
    const firm = await registerFirm(app);
    const memberId = await addMember(app, firm);

    const e = await domainError(
      clusters.requestMembership(access.actorFor(memberId), firm.firmId, await insertCluster(app.db)),
    );
    expect(e.code).toBe(ErrorCode.FORBIDDEN);
  });

  it('answers a membership request by a stranger to the firm with FIRM_NOT_FOUND', async () => {
    const { firmId } = await registerFirm(app);
    const stranger = access.actorFor(await insertUser(app.db));

    const e = await domainError(clusters.requestMembership(stranger, firmId, await insertCluster(app.db)));
    expect(e.code).toBe(FirmErrorCode.FIRM_NOT_FOUND);
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM cluster_membership`);
    expect(n).toBe(0);
  });

  it('rejects a request to an unknown cluster with CLUSTER_NOT_FOUND on field clusterId', async () => {
    const { firmId, admin } = await registerFirm(app);
    const e = await domainError(clusters.requestMembership(admin, firmId, randomUUID()));
    expect(e.code).toBe(FirmErrorCode.CLUSTER_NOT_FOUND);
    expect(fieldsOf(e)).toEqual(['clusterId']);
  });

  it('returns the same pending membership when the firm asks twice, recording one event', async () => {
    const { firmId, admin } = await registerFirm(app);
    const clusterId = await insertCluster(app.db);

    const first = await clusters.requestMembership(admin, firmId, clusterId);
    const second = await clusters.requestMembership(admin, firmId, clusterId);

    expect(second.id).toBe(first.id);
    expect(second.status).toBe('pending');
    expect(await events('firm.membership-requested')).toHaveLength(1);
  });

  it('hides a membership from a coordinator of another cluster with MEMBERSHIP_NOT_FOUND', async () => {
    const { firmId, admin } = await registerFirm(app);
    const m = await clusters.requestMembership(admin, firmId, await insertCluster(app.db, 'PL'));
    const otherCoordinator = await coordinatorOf(await insertCluster(app.db, 'LT'));

    const e = await domainError(clusters.decideMembership(otherCoordinator, m.id, true));
    expect(e.code).toBe(FirmErrorCode.MEMBERSHIP_NOT_FOUND);
    const [row] = await app.db.query(`SELECT status FROM cluster_membership WHERE id = $1`, [m.id]);
    expect(row.status).toBe('pending');
  });

  it('answers a firm admin deciding their own request with MEMBERSHIP_NOT_FOUND', async () => {
    const { firmId, admin } = await registerFirm(app);
    const m = await clusters.requestMembership(admin, firmId, await insertCluster(app.db));
    expect((await domainError(clusters.decideMembership(admin, m.id, true))).code).toBe(
      FirmErrorCode.MEMBERSHIP_NOT_FOUND,
    );
  });

  it('lets exactly one of 5 concurrent decisions win; the others get MEMBERSHIP_ALREADY_DECIDED', async () => {
    const { firmId, admin } = await registerFirm(app);
    const clusterId = await insertCluster(app.db);
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
    const { firmId, admin } = await registerFirm(app);
    const clusterId = await insertCluster(app.db);
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
    const { firmId, admin } = await registerFirm(app);
    const clusterId = await insertCluster(app.db);
    const m = await clusters.requestMembership(admin, firmId, clusterId);
    await clusters.decideMembership(await coordinatorOf(clusterId), m.id, true);

    await expect(clusters.requestMembership(admin, firmId, clusterId)).resolves.toMatchObject({
      id: m.id,
      status: 'verified',
    });
  });

  it('records firm.verified in the outbox when a coordinator verifies, and FirmService.isVerified flips', async () => {
    const { firmId, admin } = await registerFirm(app);
    const clusterId = await insertCluster(app.db);
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
    const { firmId, admin } = await registerFirm(app);
    const m = await clusters.requestMembership(admin, firmId, await insertCluster(app.db));
    const platformAdminId = await insertUser(app.db, { platformAdmin: true });

    await expect(clusters.decideMembership(access.actorFor(platformAdminId), m.id, true)).resolves.toMatchObject({
      status: 'verified',
    });
  });
});
