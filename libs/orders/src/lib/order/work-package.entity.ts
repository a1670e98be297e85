import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TaxonomyEntryEntity } from '@kooperant/catalogue';
import { CooperativeOrderEntity } from './cooperative-order.entity';

export type WorkPackageStatus = 'open' | 'awarded' | 'in_production' | 'handed_over' | 'accepted';

/** One step of a cooperative order, carried out by one firm: cut, bend, weld, coat, assemble... */
@Entity('work_package')
@Check('work_package_status_check', `status IN ('open', 'awarded', 'in_production', 'handed_over', 'accepted')`)
@Check('work_package_quantity_check', `quantity > 0`)
@Index('work_package_order_key', ['orderId', 'key'], { unique: true })
// What a match refers to: a package together with its order (one key check where there were two).
@Unique('work_package_id_order_key', ['id', 'orderId'])
// A firm's current load (matching): the packages it has awarded or in production.
@Index('work_package_awarded_firm_active_idx', ['awardedFirmId'], { where: "status IN ('awarded', 'in_production')" })
export class WorkPackageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => CooperativeOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: CooperativeOrderEntity;

  /** Short name unique in the order, by which packages refer to those they follow ("cut"). */
  @Column({ type: 'varchar', length: 40 })
  key: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'process_id', type: 'uuid' })
  processId: string;

  @ManyToOne(() => TaxonomyEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'process_id' })
  process?: TaxonomyEntryEntity;

  @Column({ name: 'material_id', type: 'uuid', nullable: true })
  materialId: string | null;

  @ManyToOne(() => TaxonomyEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'material_id' })
  material?: TaxonomyEntryEntity | null;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'quantity_unit', type: 'varchar', length: 4 })
  quantityUnit: string;

  @Column({ name: 'max_part_length_mm', type: 'double precision', nullable: true })
  maxPartLengthMm: number | null;

  @Column({ name: 'max_part_width_mm', type: 'double precision', nullable: true })
  maxPartWidthMm: number | null;

  @Column({ name: 'max_part_height_mm', type: 'double precision', nullable: true })
  maxPartHeightMm: number | null;

  @Column({ name: 'thickness_mm', type: 'double precision', nullable: true })
  thicknessMm: number | null;

  @Column({ name: 'tolerance_mm', type: 'double precision', nullable: true })
  toleranceMm: number | null;

  /** Certifications a supplier must hold for this step, e.g. EN 1090 EXC2 for a welded structure. */
  @Column({ name: 'required_certification_ids', type: 'uuid', array: true, default: () => "'{}'" })
  requiredCertificationIds: string[];

  @Column({ name: 'due_date', type: 'timestamptz' })
  dueDate: Date;

  @Column({ type: 'varchar', length: 14 })
  status: WorkPackageStatus;

  /** The quote leg it was awarded to, and that leg's firm (null while open). */
  @Column({ name: 'awarded_leg_id', type: 'uuid', nullable: true })
  awardedLegId: string | null;

  @Column({ name: 'awarded_firm_id', type: 'uuid', nullable: true })
  awardedFirmId: string | null;

  @Column({ name: 'awarded_at', type: 'timestamptz', nullable: true })
  awardedAt: Date | null;

  @Column({ name: 'status_changed_by', type: 'uuid', nullable: true })
  statusChangedBy: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
