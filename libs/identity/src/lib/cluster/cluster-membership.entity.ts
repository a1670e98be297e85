import { FirmEntity } from '../firm/firm.entity';
import { ClusterEntity } from './cluster.entity';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Check, JoinColumn, ManyToOne } from 'typeorm';

export type MembershipStatus = 'pending' | 'verified' | 'rejected';

/** A firm's membership of a cluster. A coordinator of that cluster verifies it. */
@Entity('cluster_membership')
@Check('cluster_membership_status_check', `status IN ('pending', 'verified', 'rejected')`)
@Index('cluster_membership_firm_cluster_key', ['firmId', 'clusterId'], { unique: true })
@Index('cluster_membership_cluster_status_idx', ['clusterId', 'status'])
export class ClusterMembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'firm_id', type: 'uuid' })
  firmId: string;

  @ManyToOne(() => FirmEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'firm_id' })
  firm?: FirmEntity;

  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  @ManyToOne(() => ClusterEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cluster_id' })
  cluster?: ClusterEntity;

  @Column({ type: 'varchar', length: 10 })
  status: MembershipStatus;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;
}
