import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RateSource } from '@kooperant/platform-money';

/**
 * One published rate: 1 `base` = `rate` `quote` on `effectiveDate`. NBP table A rows are CCY → PLN (mid rates),
 * ECB rows EUR → CCY. Imported from the banks' files; a re-import of the same day updates the row in place.
 */
@Entity('exchange_rate')
@Check('exchange_rate_source_check', `source IN ('NBP', 'ECB')`)
@Check('exchange_rate_rate_check', `rate > 0`)
@Index('exchange_rate_pair_date_key', ['source', 'base', 'quote', 'effectiveDate'], { unique: true })
export class ExchangeRateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 8 })
  source: RateSource;

  @Column({ type: 'char', length: 3 })
  base: string;

  @Column({ type: 'char', length: 3 })
  quote: string;

  /** Exact decimal as PostgreSQL returns numeric: a string such as `4.66080000`. Never read it into a float. */
  @Column({ type: 'numeric', precision: 18, scale: 8 })
  rate: string;

  /** YYYY-MM-DD, the day the bank dated the table. */
  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate: string;

  /** NBP table number, e.g. `039/A/NBP/2022`; null for the ECB. */
  @Column({ name: 'table_no', type: 'varchar', length: 40, nullable: true })
  tableNo: string | null;

  /** When this value of the row was imported (a re-import that changes the rate moves it). */
  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' })
  importedAt: Date;
}
