import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkPackageEntity } from './work-package.entity';

/** An edge of an order's chain: `packageId` starts after `predecessorId` is handed over. */
@Entity('work_package_dependency')
@Index('work_package_dependency_predecessor_idx', ['predecessorId'])
export class WorkPackageDependencyEntity {
  @PrimaryColumn({ name: 'package_id', type: 'uuid' })
  packageId: string;

  @PrimaryColumn({ name: 'predecessor_id', type: 'uuid' })
  predecessorId: string;

  @ManyToOne(() => WorkPackageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'package_id' })
  package?: WorkPackageEntity;

  @ManyToOne(() => WorkPackageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'predecessor_id' })
  predecessor?: WorkPackageEntity;
}
