import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { DomainError } from '@kooperant/platform-errors';
import { ChangeFeed, queryRows, recordEvent } from '@kooperant/platform-database';
import type { Actor } from '../access/actor';
import { isFirmAdmin } from '../access/actor';
import { ClusterEntity } from './cluster.entity';
import { ClusterMembershipEntity, type MembershipStatus } from './cluster-membership.entity';
import { ClusterCoordinatorEntity } from './cluster-coordinator.entity';
import { FirmEntity } from '../firm/firm.entity';
import { FirmErrorCode } from '../firm/firm.errors';
import { UserEntity } from '../user/user.entity';
import { normalizeEmail } from '../auth/auth.service';

@Injectable()
export class ClusterService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ChangeFeed,
  ) {}

  listClusters(): Promise<ClusterEntity[]> {
    return this.db.getRepository(ClusterEntity).find({ order: { country: 'DESC', code: 'ASC' } });
  }

  getCluster(id: string): Promise<ClusterEntity | null> {
    return this.db.getRepository(ClusterEntity).findOneBy({ id });
  }

  async clustersByIds(ids: readonly string[]): Promise<(ClusterEntity | null)[]> {
    const rows = await this.db.getRepository(ClusterEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Memberships of each firm, for DataLoaders. */
  async membershipsByFirmIds(firmIds: readonly string[]): Promise<ClusterMembershipEntity[][]> {
    const rows = await this.db
      .getRepository(ClusterMembershipEntity)
      .find({ where: { firmId: In([...firmIds]) }, order: { requestedAt: 'ASC' } });
    return firmIds.map((id) => rows.filter((r) => r.firmId === id));
  }

  /** A firm admin asks to join a cluster; a coordinator of that cluster decides. */
  async requestMembership(actor: Actor, firmId: string, clusterId: string): Promise<ClusterMembershipEntity> {
    const roles = await actor.roles();
    if (!isFirmAdmin(roles, firmId)) {
      if (!roles.firms.has(firmId)) throw DomainError.notFound('Firm', FirmErrorCode.FIRM_NOT_FOUND);
      throw DomainError.forbidden('Only an admin of this firm can ask to join a cluster.');
    }
    const cluster = await this.getCluster(clusterId);
    if (!cluster) {
      throw new DomainError(FirmErrorCode.CLUSTER_NOT_FOUND, 'Cluster was not found.', [
        { field: 'clusterId', reason: 'UNKNOWN_REFERENCE', message: 'No such cluster.' },
      ]);
    }
    return this.db.transaction(async (m) => {
      // Insert, or reopen a rejected request; pending and verified memberships are returned as they are.
      const rows = await queryRows<{ id: string; reopened: boolean }>(
        m,
        `INSERT INTO cluster_membership (firm_id, cluster_id, status, requested_by)
         VALUES ($1, $2, 'pending', $3)
         ON CONFLICT (firm_id, cluster_id) DO UPDATE
           SET status = 'pending', requested_by = EXCLUDED.requested_by, requested_at = now(),
               decided_by = NULL, decided_at = NULL, decision_note = NULL
           WHERE cluster_membership.status = 'rejected'
         RETURNING id, (xmax <> 0) AS reopened`,
        [firmId, clusterId, actor.userId],
      );
      if (rows.length === 0) {
        return m.findOneByOrFail(ClusterMembershipEntity, { firmId, clusterId });
      }
      await recordEvent(m, {
        type: 'firm.membership-requested',
        aggregateType: 'firm',
        aggregateId: firmId,
        payload: { firmId, clusterId, membershipId: rows[0].id },
        actorUserId: actor.userId,
      });
      return m.findOneByOrFail(ClusterMembershipEntity, { id: rows[0].id });
    });
  }

  /** A coordinator of the membership's cluster verifies or rejects it: once, even if two decide at once. */
  async decideMembership(
    actor: Actor,
    membershipId: string,
    verify: boolean,
    note?: string,
  ): Promise<ClusterMembershipEntity> {
    const membership = await this.db.getRepository(ClusterMembershipEntity).findOneBy({ id: membershipId });
    const roles = await actor.roles();
    if (!membership || !(roles.coordinatorOf.has(membership.clusterId) || roles.platformAdmin)) {
      throw DomainError.notFound('Membership', FirmErrorCode.MEMBERSHIP_NOT_FOUND);
    }
    if ((note ?? '').length > 2000) throw DomainError.invalid('note', 'TOO_LONG', 'At most 2000 characters.');
    const status: MembershipStatus = verify ? 'verified' : 'rejected';
    const decided = await this.db.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(ClusterMembershipEntity)
        .set({ status, decidedBy: actor.userId, decidedAt: () => 'now()', decisionNote: note ?? null })
        .where('id = :id AND status = :pending', { id: membershipId, pending: 'pending' })
        .execute();
      if (res.affected !== 1) {
        throw DomainError.conflict(FirmErrorCode.MEMBERSHIP_ALREADY_DECIDED, 'This request was already decided.');
      }
      await recordEvent(m, {
        type: verify ? 'firm.verified' : 'firm.membership-rejected',
        aggregateType: 'firm',
        aggregateId: membership.firmId,
        payload: { firmId: membership.firmId, clusterId: membership.clusterId, membershipId },
        actorUserId: actor.userId,
      });
      return m.findOneByOrFail(ClusterMembershipEntity, { id: membershipId });
    });
    this.changes.touch('cluster_membership');
    return decided;
  }

  /** Membership requests of a cluster, for its coordinators. */
  async membershipsOfCluster(
    actor: Actor,
    clusterId: string,
    status?: MembershipStatus,
  ): Promise<ClusterMembershipEntity[]> {
    const roles = await actor.roles();
    if (!roles.coordinatorOf.has(clusterId) && !roles.platformAdmin) {
      throw DomainError.forbidden('Only coordinators of this cluster can see its membership requests.');
    }
    return this.db.getRepository(ClusterMembershipEntity).find({
      where: status ? { clusterId, status } : { clusterId },
      order: { requestedAt: 'ASC' },
      take: 500,
    });
  }

  /** A platform admin makes a user coordinator of a cluster. */
  async appointCoordinator(actor: Actor, clusterId: string, email: string): Promise<void> {
    const roles = await actor.roles();
    if (!roles.platformAdmin) throw DomainError.forbidden('Only a platform admin can appoint coordinators.');
    const user = await this.db.getRepository(UserEntity).findOneBy({ email: normalizeEmail(email) });
    if (!user) throw DomainError.invalid('email', 'UNKNOWN', 'No user has this e-mail.');
    if (!(await this.getCluster(clusterId)))
      throw DomainError.invalid('clusterId', 'UNKNOWN_REFERENCE', 'No such cluster.');
    await this.db
      .createQueryBuilder()
      .insert()
      .into(ClusterCoordinatorEntity)
      .values({ userId: user.id, clusterId })
      .orIgnore()
      .execute();
  }

  /** Firms in a cluster by status; used by coordinators. */
  async firmsOfCluster(actor: Actor, clusterId: string): Promise<FirmEntity[]> {
    const roles = await actor.roles();
    if (!roles.coordinatorOf.has(clusterId) && !roles.platformAdmin) {
      throw DomainError.forbidden('Only coordinators of this cluster can list its firms.');
    }
    return this.db
      .getRepository(FirmEntity)
      .createQueryBuilder('f')
      .innerJoin(ClusterMembershipEntity, 'm', 'm.firm_id = f.id AND m.cluster_id = :clusterId', { clusterId })
      .orderBy('f.name', 'ASC')
      .take(1000)
      .getMany();
  }
}
