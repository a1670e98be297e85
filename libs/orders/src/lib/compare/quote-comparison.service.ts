import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@kooperant/platform-errors';
import type { Currency } from '@kooperant/platform-money';
import type { Actor } from '@kooperant/identity';
import { OrderService } from '../order/order.service';
import { ExchangeRateService } from '../rates/exchange-rate.service';
import { RateErrorCode } from '../rates/exchange-rate.errors';
import type { Conversion } from '../rates/exchange-rate.rows';
import { planChain, type ChainStep } from './chain-plan';

export interface ComparedOffer {
  quoteId: string;
  legId: string;
  firmId: string;
  firmCountry: string;
  priceMinor: number;
  currency: Currency;
  /** The price in the order's currency, with the rate used; null when no rate is known for the day. */
  converted: Conversion | null;
  leadTimeDays: number;
  /** Part of a joint quote led by another firm. */
  joint: boolean;
}

export interface PackageComparison {
  packageId: string;
  key: string;
  offers: ComparedOffer[];
}

export interface ChainOption {
  /** `cheapest` and `fastest` combine the best leg per package; `quote` is one quote covering every package. */
  kind: 'cheapest' | 'fastest' | 'quote';
  quoteId: string | null;
  legs: ComparedOffer[];
  totalMinor: number | null;
  completion: Date;
  borderCrossings: number;
}

export interface QuoteComparison {
  orderId: string;
  currency: Currency;
  /** Day of the exchange rates used. */
  rateDate: Date;
  /** Production is assumed to start at the quote deadline, or now when that has passed. */
  start: Date;
  packages: PackageComparison[];
  chains: ChainOption[];
  /** Keys of packages nobody has quoted yet. */
  unquoted: string[];
}

/**
 * Lays the submitted, valid quotes of an order side by side, per package and as complete chains, every price also
 * in the order's currency (rates imported from NBP/ECB, named with source and date), with the total cost and the
 * earliest completion along the chain. For the buyer and the order's coordinators only.
 */
@Injectable()
export class QuoteComparisonService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: OrderService,
    private readonly rates: ExchangeRateService,
  ) {}

  async compare(actor: Actor, orderId: string, now = new Date()): Promise<QuoteComparison> {
    const view = await this.orders.getOrder(actor, orderId);
    if (!this.orders.seesAllQuotes(await actor.roles(), view.order)) {
      throw DomainError.forbidden('Only the buyer and the coordinators of the order compare its quotes.');
    }
    const currency = view.order.currency;
    const rows: {
      quote_id: string;
      lead_firm_id: string;
      leg_id: string;
      package_id: string;
      firm_id: string;
      country: string;
      price_minor: string;
      currency: Currency;
      lead_time_days: number;
    }[] = await this.db.query(
      `SELECT q.id AS quote_id, q.lead_firm_id, l.id AS leg_id, l.package_id, l.firm_id, f.country, l.price_minor,
              l.currency, l.lead_time_days
       FROM quote q
       JOIN quote_leg l ON l.quote_id = q.id AND l.version = q.current_version
       JOIN firm f ON f.id = l.firm_id
       WHERE q.order_id = $1 AND q.status = 'submitted' AND q.valid_until > $2
       ORDER BY q.created_at, q.id`,
      [orderId, now],
    );
    const conversions = new Map<string, Conversion | null>();
    const convert = async (amount: number, from: Currency): Promise<Conversion | null> => {
      const key = `${amount}:${from}`;
      if (!conversions.has(key)) {
        try {
          conversions.set(key, from === currency ? null : await this.rates.convert(amount, from, currency, now));
        } catch (e) {
          if (e instanceof DomainError && e.code === RateErrorCode.EXCHANGE_RATE_MISSING) conversions.set(key, null);
          else throw e;
        }
      }
      return conversions.get(key) ?? null;
    };
    const offers: ComparedOffer[] = [];
    for (const r of rows) {
      const priceMinor = Number(r.price_minor);
      offers.push({
        quoteId: r.quote_id,
        legId: r.leg_id,
        firmId: r.firm_id,
        firmCountry: r.country,
        priceMinor,
        currency: r.currency,
        converted: await convert(priceMinor, r.currency),
        leadTimeDays: r.lead_time_days,
        joint: r.firm_id !== r.lead_firm_id,
      });
    }
    const inOrderCurrency = (o: ComparedOffer) =>
      o.currency === currency ? o.priceMinor : (o.converted?.amountMinor ?? null);
    const byPrice = (a: ComparedOffer, b: ComparedOffer) =>
      (inOrderCurrency(a) ?? Number.MAX_SAFE_INTEGER) - (inOrderCurrency(b) ?? Number.MAX_SAFE_INTEGER);
    const packageOf = new Map(rows.map((r) => [r.leg_id, r.package_id]));
    const packages: PackageComparison[] = view.packages.map((p) => ({
      packageId: p.id,
      key: p.key,
      offers: offers.filter((o) => packageOf.get(o.legId) === p.id).sort(byPrice),
    }));
    const keyToId = new Map(view.packages.map((p) => [p.key, p.id]));
    const predecessors = new Map(view.packages.map((p) => [p.id, p.after.map((k) => keyToId.get(k) as string)]));
    const start = new Date(Math.max(now.getTime(), view.order.quoteDeadline.getTime()));
    const unquoted = packages.filter((p) => p.offers.length === 0).map((p) => p.key);

    const chain = (kind: ChainOption['kind'], quoteId: string | null, legs: ComparedOffer[]): ChainOption => {
      const steps: ChainStep[] = legs.map((l) => ({
        packageId: packageOf.get(l.legId) as string,
        firmCountry: l.firmCountry,
        priceMinor: inOrderCurrency(l),
        leadTimeDays: l.leadTimeDays,
      }));
      return { kind, quoteId, legs, ...planChain(steps, predecessors, start) };
    };
    const chains: ChainOption[] = [];
    if (unquoted.length === 0) {
      chains.push(
        chain(
          'cheapest',
          null,
          packages.map((p) => p.offers[0]),
        ),
      );
      const fastest = packages.map(
        (p) => [...p.offers].sort((a, b) => a.leadTimeDays - b.leadTimeDays || byPrice(a, b))[0],
      );
      chains.push(chain('fastest', null, fastest));
      for (const quoteId of new Set(rows.map((r) => r.quote_id))) {
        const legs = offers.filter((o) => o.quoteId === quoteId);
        if (legs.length === view.packages.length) chains.push(chain('quote', quoteId, legs));
      }
    }
    return { orderId, currency, rateDate: now, start, packages, chains, unquoted };
  }
}
