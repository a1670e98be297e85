import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  Check,
} from 'typeorm';

export type Country = 'PL' | 'LT';
export type SizeClass = 'micro' | 'small' | 'medium' | 'large';
export interface NaceCode {
  code: string;
  revision: '2' | '2.1';
}

/** A company. Registry codes and the VAT number are separate fields: neither derives from the other. */
@Entity('firm')
@Check('firm_country_check', `country IN ('PL', 'LT')`)
@Check('firm_identifier_check', `(country = 'PL' AND nip IS NOT NULL) OR (country = 'LT' AND company_code IS NOT NULL)`)
@Index('firm_nip_key', ['nip'], { unique: true, where: 'nip IS NOT NULL' })
@Index('firm_company_code_key', ['companyCode'], { unique: true, where: 'company_code IS NOT NULL' })
export class FirmEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'char', length: 2 })
  country: Country;

  /** PL tax id, 10 digits. */
  @Column({ type: 'char', length: 10, nullable: true })
  nip: string | null;

  /** PL statistical number, 9 or 14 digits. */
  @Column({ type: 'varchar', length: 14, nullable: true })
  regon: string | null;

  /** PL court register number, 10 digits zero-padded. */
  @Column({ type: 'char', length: 10, nullable: true })
  krs: string | null;

  /** LT company code (juridinio asmens kodas), 9 digits. */
  @Column({ name: 'company_code', type: 'char', length: 9, nullable: true })
  companyCode: string | null;

  /** EU VAT number with its country prefix, e.g. PL8567346215. */
  @Column({ name: 'vat_number', type: 'varchar', length: 14, nullable: true })
  vatNumber: string | null;

  @Column({ type: 'varchar', length: 200 })
  street: string;

  @Column({ type: 'varchar', length: 120 })
  city: string;

  @Column({ type: 'varchar', length: 12 })
  postcode: string;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lng: number;

  /** ISO 639-1 codes of the languages the firm works in. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ name: 'size_class', type: 'varchar', length: 10 })
  sizeClass: SizeClass;

  @Column({ name: 'nace_codes', type: 'jsonb', default: () => "'[]'" })
  naceCodes: NaceCode[];

  /** Certification codes from the capability taxonomy, e.g. `cert.iso-9001`. */
  @Column({ name: 'certification_codes', type: 'text', array: true, default: () => "'{}'" })
  certificationCodes: string[];

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  website: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
