import { UserEntity } from '../user/user.entity';
import { FirmEntity } from './firm.entity';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Check, JoinColumn, ManyToOne } from 'typeorm';

export type FirmRole = 'admin' | 'member';

/** A user's role in a firm. */
@Entity('firm_member')
@Check('firm_member_role_check', `role IN ('admin', 'member')`)
@Index('firm_member_firm_idx', ['firmId'])
export class FirmMemberEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ name: 'firm_id', type: 'uuid' })
  firmId: string;

  @ManyToOne(() => FirmEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'firm_id' })
  firm?: FirmEntity;

  @Column({ type: 'varchar', length: 10 })
  role: FirmRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
