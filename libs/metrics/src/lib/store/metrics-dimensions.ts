import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@kooperant/platform-errors';
import { LruCache } from '@kooperant/platform-database';
import { rateCalendarDate } from '@kooperant/platform-money';
import { ExchangeRateService, RateErrorCode } from '@kooperant/orders';
import type { MetricsDimensions, StatedRate } from '../core/fact';
import type { MetricsCountry } from '../core/periods';
import type { MetricEvent } from '../core/metric-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the deriving code needs to look up for some events or facts: firms, clusters and days of awards. */
export interface DimensionNeeds {
  ids: Set<string>;
  awardDays: Set<string>;
}

export function needsOf(
  events: readonly MetricEvent[],
  facts: readonly { firmId: string; otherFirmId?: string | null; clusterId: string | null }[] = [],
): DimensionNeeds {
  const ids = new Set<string>();
  const awardDays = new Set<string>();
  const take = (v: unknown) => {
    if (typeof v === 'string' && UUID.test(v)) ids.add(v);
  };
  for (const e of events) {
    for (const k of ['firmId', 'buyerFirmId', 'leadFirmId', 'clusterId']) take(e.payload[k]);
    if (e.type === 'package.awarded') awardDays.add(rateCalendarDate(e.at));
  }
  for (const f of facts) [f.firmId, f.otherFirmId, f.clusterId].forEach(take);
  return { ids, awardDays };
}

/**
 * Reads the dimensions the KPIs take from outside the events: the countries of firms and clusters (fixed when they are
 * registered, so kept once read) and NBP's EUR/PLN mid rate of award days (on or before the day, as the orders lib
 * converts, kept until the rates change: `followRates` at the start of every roll-up). A rate imported after an award
 * was rolled up, or corrected, reaches the figures with the import's event, which derives those awards again.
 */
@Injectable()
export class MetricsDimensionsLoader {
  private readonly countries = new Map<string, MetricsCountry>();
  /** Rates found, by day (a missing one is asked again: it may be imported since). */
  private readonly rateOfDay = new LruCache<string, StatedRate>(4_000, 6 * 3_600_000);

  /** What the rate table looked like when the rates kept were read. */
  private ratesVersion: string | null = null;

  constructor(private readonly rates: ExchangeRateService) {}

  /**
   * Forgets the rates kept when the rate table changed since (any process may have imported): one small query per
   * roll-up, so that every worker converts at the rates in force.
   */
  async followRates(m: EntityManager): Promise<void> {
    const [row] = await m.query(
      `SELECT count(*)::text || ':' || coalesce(max(imported_at)::text, '') AS version FROM exchange_rate`,
    );
    if (row.version !== this.ratesVersion) this.rateOfDay.clear();
    this.ratesVersion = row.version;
  }

  async load(m: EntityManager, needs: DimensionNeeds): Promise<MetricsDimensions> {
    const unknown = [...needs.ids].filter((id) => !this.countries.has(id));
    if (unknown.length) {
      const rows: { id: string; country: MetricsCountry }[] = await m.query(
        `SELECT id, country FROM firm WHERE id = ANY($1::uuid[])
         UNION ALL SELECT id, country FROM cluster WHERE id = ANY($1::uuid[])`,
        [unknown],
      );
      for (const r of rows) this.countries.set(r.id, r.country);
    }
    const rates = new Map<string, StatedRate>();
    for (const day of needs.awardDays) {
      const rate = await this.eurPln(m, day);
      if (rate) rates.set(day, rate);
    }
    return {
      firmCountry: (id) => this.countries.get(id),
      clusterCountry: (id) => this.countries.get(id),
      eurPlnRate: (day) => rates.get(day),
    };
  }

  private async eurPln(m: EntityManager, day: string): Promise<StatedRate | undefined> {
    const known = this.rateOfDay.get(day);
    if (known) return known;
    try {
      const r = await this.rates.rateFor('EUR', 'PLN', day, 'NBP', m);
      const rate = { source: r.source, date: r.effectiveDate, rate: r.inverse ? r.rate : r.publishedRate };
      this.rateOfDay.set(day, rate);
      return rate;
    } catch (e) {
      if (e instanceof DomainError && e.code === RateErrorCode.EXCHANGE_RATE_MISSING) return undefined;
      throw e;
    }
  }
}
