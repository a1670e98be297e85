import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@kooperant/platform-errors';
import { queryRows, recordEvent } from '@kooperant/platform-database';
import {
  convertMinor,
  isCurrency,
  isRateSource,
  MAX_AMOUNT_MINOR,
  parseDecimalRate,
  parseEcbDaily,
  parseNbpTableA,
  rateCalendarDate,
  type Currency,
  type RateSource,
} from '@kooperant/platform-money';
import type { Actor } from '@kooperant/identity';
import { RateErrorCode } from './exchange-rate.errors';
import { pickRate, rowsOfTable, type AppliedRate, type Conversion, type StoredRate } from './exchange-rate.rows';

/**
 * The event of an import that added or changed rates: `{ source, inserted, updated, firstChangedDate,
 * lastChangedDate }` (days YYYY-MM-DD). Amounts converted at a rate in force on those days or later may change.
 */
export const RATES_IMPORTED_EVENT = 'exchange-rates.imported';

/** The exchange-rate table as one aggregate of the outbox (whose ids are UUIDs). */
const RATES_AGGREGATE_ID = '00000000-0000-4000-8000-00000000e0c5';

/** What an import did: rows new, rows whose rate or table number changed, rows already as in the file. */
export interface RateImportResult {
  source: RateSource;
  inserted: number;
  updated: number;
  unchanged: number;
  /** YYYY-MM-DD of the oldest and newest day in the file. */
  firstDate: string;
  lastDate: string;
}

/** Only on or before the date (conversions), or strictly before it (Polish VAT: the last working day before). */
type DateBound = '<=' | '<';

const UPSERT_SQL = `
  INSERT INTO exchange_rate (source, base, quote, rate, effective_date, table_no)
  SELECT * FROM unnest($1::varchar[], $2::bpchar[], $3::bpchar[], $4::numeric[], $5::date[], $6::varchar[])
  ON CONFLICT (source, base, quote, effective_date) DO UPDATE
    SET rate = EXCLUDED.rate, table_no = EXCLUDED.table_no, imported_at = now()
    WHERE (exchange_rate.rate, exchange_rate.table_no) IS DISTINCT FROM (EXCLUDED.rate, EXCLUDED.table_no)
  RETURNING (xmax = 0) AS inserted, effective_date::text AS effective_date`;

/** The newest row of each source and direction of a pair, each an index scan of exchange_rate_pair_date_key. */
const candidatesSql = (bound: DateBound) => `
  SELECT r.* FROM (VALUES ('NBP'::varchar, $1::bpchar, $2::bpchar), ('NBP', $2, $1), ('ECB', $1, $2), ('ECB', $2, $1))
    AS k(source, base, quote)
  CROSS JOIN LATERAL (
    SELECT e.source, e.base, e.quote, e.rate::text AS rate,
           to_char(e.effective_date, 'YYYY-MM-DD') AS "effectiveDate", e.table_no AS "tableNo"
    FROM exchange_rate e
    WHERE e.source = k.source AND e.base = k.base AND e.quote = k.quote AND e.effective_date ${bound} $3::date
    ORDER BY e.effective_date DESC
    LIMIT 1) r`;

/**
 * Official exchange rates (NBP table A, ECB reference rates), imported from the banks' files, and conversions that
 * name the rate, its source and its date. Quotes in PLN and EUR are compared in the order's currency through it.
 */
@Injectable()
export class ExchangeRateService {
  /** Largest file accepted (UTF-8 bytes): the ECB 90-day file is about 0.2 MB, a year of NBP tables about 1 MB. */
  static readonly MAX_CONTENT_BYTES = 2 * 1024 * 1024;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Imports NBP table A JSON (one or several tables). Idempotent: a re-import changes nothing. */
  importNbp(json: string): Promise<RateImportResult> {
    return this.importContent('NBP', json);
  }

  /** Imports ECB eurofxref XML (the daily or the 90-day file). Idempotent: a re-import changes nothing. */
  importEcb(xml: string): Promise<RateImportResult> {
    return this.importContent('ECB', xml);
  }

  /** An import on behalf of a user: platform admins and cluster coordinators only. */
  async importRates(actor: Actor, source: RateSource, content: string): Promise<RateImportResult> {
    const roles = await actor.roles();
    if (!roles.platformAdmin && roles.coordinatorOf.size === 0) {
      throw DomainError.forbidden('Only platform admins and cluster coordinators can import exchange rates.');
    }
    return this.importContent(source, content, actor);
  }

  /**
   * The rate of the latest effective date on or before `onDate` (a moment, whose day is taken in Central European
   * time, or a YYYY-MM-DD day): the direct pair, or the inverse of the opposite pair (PLN → EUR from the "EUR" row).
   * With `preferredSource`, that source's rate if it has one, however old, else another source's; the result names
   * its source, so a caller that accepts only one source (Polish VAT: NBP) checks it. Throws EXCHANGE_RATE_MISSING.
   * Read through `within` when given: a caller inside a transaction reads on its own connection (the embedded
   * database serves one connection at a time, and would wait for ever on a second).
   */
  rateFor(
    from: Currency,
    to: Currency,
    onDate: Date | string,
    preferredSource?: RateSource,
    within?: EntityManager,
  ): Promise<AppliedRate> {
    return this.find(from, to, onDate, '<=', preferredSource, within);
  }

  /**
   * Like `rateFor`, but strictly before `onDate`: for Polish VAT on a foreign-currency invoice, the NBP mid rate of
   * the last working day before the tax point is `rateBefore(from, to, taxPoint, 'NBP')` (check `source === 'NBP'`).
   */
  rateBefore(from: Currency, to: Currency, onDate: Date | string, preferredSource?: RateSource): Promise<AppliedRate> {
    return this.find(from, to, onDate, '<', preferredSource);
  }

  /**
   * Converts integer minor units at `rateFor(from, to, onDate)`: exact, rounded once half away from zero, the inverse
   * by dividing by the published rate. The result names the rate, its source and its date.
   */
  async convert(
    amountMinor: number,
    from: Currency,
    to: Currency,
    onDate: Date | string,
    preferredSource?: RateSource,
  ): Promise<Conversion> {
    if (!Number.isSafeInteger(amountMinor) || Math.abs(amountMinor) > MAX_AMOUNT_MINOR) {
      throw DomainError.invalid('amountMinor', 'OUT_OF_RANGE', 'The amount must be whole minor units within range.');
    }
    const applied = await this.rateFor(from, to, onDate, preferredSource);
    const published = parseDecimalRate(applied.publishedRate);
    const converted = convertMinor(amountMinor, published, applied.inverse ? 'quoteToBase' : 'baseToQuote');
    return { ...applied, amountMinor: converted };
  }

  private async find(
    from: Currency,
    to: Currency,
    onDate: Date | string,
    bound: DateBound,
    preferredSource?: RateSource,
    within: EntityManager = this.db.manager,
  ): Promise<AppliedRate> {
    if (!isCurrency(from)) throw DomainError.invalid('from', 'UNKNOWN_CURRENCY', `Unknown currency "${from}".`);
    if (!isCurrency(to)) throw DomainError.invalid('to', 'UNKNOWN_CURRENCY', `Unknown currency "${to}".`);
    if (from === to) throw DomainError.invalid('to', 'SAME_CURRENCY', 'No rate is needed within one currency.');
    let day: string;
    try {
      day = rateCalendarDate(onDate);
    } catch (e) {
      throw DomainError.invalid(
        'date',
        'SHAPE',
        `The date must be a day written YYYY-MM-DD (${(e as Error).message}).`,
      );
    }
    const candidates = await queryRows<StoredRate>(within, candidatesSql(bound), [from, to, day]);
    const rate = pickRate(candidates, from, to, preferredSource);
    if (!rate) {
      throw new DomainError(
        RateErrorCode.EXCHANGE_RATE_MISSING,
        `No ${from}/${to} exchange rate ${bound === '<' ? 'before' : 'on or before'} ${day}.`,
        [],
        { from, to, onDate: day },
      );
    }
    return rate;
  }

  private async importContent(source: RateSource, content: string, actor?: Actor): Promise<RateImportResult> {
    if (!isRateSource(source))
      throw DomainError.invalid('source', 'UNKNOWN_SOURCE', `Unknown rate source "${source}".`);
    if (typeof content !== 'string' || Buffer.byteLength(content, 'utf8') > ExchangeRateService.MAX_CONTENT_BYTES) {
      throw DomainError.invalid(
        'content',
        'TOO_LARGE',
        `A rate file may have at most ${ExchangeRateService.MAX_CONTENT_BYTES / 1024 / 1024} MB.`,
      );
    }
    let rows: StoredRate[];
    try {
      rows = rowsOfTable(source === 'NBP' ? parseNbpTableA(content) : parseEcbDaily(content));
    } catch (e) {
      throw DomainError.invalid('content', 'MALFORMED', (e as Error).message);
    }
    // One order for every import, so that two overlapping imports lock rows in the same order (no deadlock).
    rows.sort((a, b) => `${a.base}${a.quote}${a.effectiveDate}`.localeCompare(`${b.base}${b.quote}${b.effectiveDate}`));
    // The rows and, when some are new or changed, an event in one transaction: figures converted at a rate of those
    // days (the KPIs' awards) are converted again.
    const written = await this.db.transaction(async (m) => {
      const changed = await queryRows<{ inserted: boolean; effective_date: string }>(m, UPSERT_SQL, [
        rows.map((r) => r.source),
        rows.map((r) => r.base),
        rows.map((r) => r.quote),
        rows.map((r) => r.rate),
        rows.map((r) => r.effectiveDate),
        rows.map((r) => r.tableNo),
      ]);
      if (changed.length) {
        const days = changed.map((c) => c.effective_date).sort();
        await recordEvent(m, {
          type: RATES_IMPORTED_EVENT,
          aggregateType: 'exchange_rate',
          aggregateId: RATES_AGGREGATE_ID,
          payload: {
            source,
            inserted: changed.filter((c) => c.inserted).length,
            updated: changed.filter((c) => !c.inserted).length,
            firstChangedDate: days[0],
            lastChangedDate: days[days.length - 1],
          },
          actorUserId: actor?.userId ?? null,
        });
      }
      return changed;
    });
    const inserted = written.filter((w) => w.inserted).length;
    const dates = rows.map((r) => r.effectiveDate).sort();
    return {
      source,
      inserted,
      updated: written.length - inserted,
      unchanged: rows.length - written.length,
      firstDate: dates[0],
      lastDate: dates[dates.length - 1],
    };
  }
}
