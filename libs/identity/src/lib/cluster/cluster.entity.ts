import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, JoinColumn, ManyToOne } from 'typeorm';
import type { LocalizedLabels } from '@kooperant/platform-i18n';

/** An industrial cluster: a coordinated group of member firms in one country. */
@Entity('cluster')
export class ClusterEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable short code, e.g. `kom-bialystok`. */
  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  @Column({ type: 'jsonb' })
  name: LocalizedLabels;

  @Column({ type: 'char', length: 2 })
  country: 'PL' | 'LT';

  @Column({ type: 'varchar', length: 120 })
  city: string;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lng: number;

  /** The cluster across the border that this one cooperates with. */
  @Column({ name: 'partner_cluster_id', type: 'uuid', nullable: true })
  partnerClusterId: string | null;

  @ManyToOne(() => ClusterEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'partner_cluster_id' })
  partnerCluster?: ClusterEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
