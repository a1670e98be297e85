import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ChangeFeed, LruCache } from '@kooperant/platform-database';
import { TaxonomyService, type TaxonomySnapshot } from '@kooperant/catalogue';
import { DomainError } from '@kooperant/platform-errors';
import { OrderErrorCode } from '@kooperant/orders';
import type { Candidate, PackageNeed } from '../scoring/candidate';
import type { ChainPackage } from '../chain/chain-search';
import { kthLeast } from './select';
import { cheapNeed, fitsCheaply, toPool, type OfferPool, type PoolOffer } from './offer-pool';

/** Up to this many offers are considered per package (those passing the cheap constraints, nearest, first). */
const MAX_CANDIDATES = 200;

/** The tables an offer pool is read from: a change to any of them makes every cached pool stale. */
const POOL_TABLES = ['offer', 'firm', 'cluster_membership'] as const;

interface FirmStats {
  onTime: number;
  handedOver: number;
  invited: number;
  answered: number;
  answerHours: number | null;
  active: number;
}

function toPoolOffer(r: Record<string, unknown>): PoolOffer {
  return {
    offerId: r['offer_id'] as string,
    firmId: r['firm_id'] as string,
    firmName: r['firm_name'] as string,
    firmCountry: (r['firm_country'] as string).trim(),
    firmVerified: r['verified'] as boolean,
    location: { lat: r['lat'] as number, lng: r['lng'] as number },
    offerPublished: r['status'] === 'published',
    validUntil: new Date(r['valid_until'] as string),
    validUntilMs: new Date(r['valid_until'] as string).getTime(),
    processIds: r['process_ids'] as string[],
    materialIds: r['material_ids'] as string[],
    certificationIds: r['certification_ids'] as string[],
    minThicknessMm: r['min_thickness_mm'] as number | null,
    maxThicknessMm: r['max_thickness_mm'] as number | null,
    maxPartLengthMm: r['max_part_length_mm'] as number | null,
    maxPartWidthMm: r['max_part_width_mm'] as number | null,
    maxPartHeightMm: r['max_part_height_mm'] as number | null,
    minBatch: r['min_batch'] as number | null,
    maxBatch: r['max_batch'] as number | null,
    countriesServed: (r['countries_served'] as string[]).map((c) => c.trim()),
    leadTimeDays: r['lead_time_days'] as number,
    unitPriceMinor: r['price_minor'] === null ? null : Number(r['price_minor']),
    priceUnit: r['price_unit'] as string | null,
    priceCurrency: r['price_currency'] === null ? null : (r['price_currency'] as string).trim(),
  };
}

/**
 * Reads what the matching core works on: an order with its packages' needs (taxonomy expanded; one query) and, per
 * package, the published offers of other verified firms whose processes fit, with each firm's place, on-time record,
 * current load and answers to invitations: the offers from a cached pool, the firms' records kept a minute, so a
 * package usually costs no query at all.
 */
@Injectable()
export class CandidateRetrievalService {
  /** Pools by process set, as promises: jobs asking at once for a pool not yet read wait for one read of it. */
  private readonly pools = new LruCache<string, { epoch: string; offers: Promise<OfferPool> }>(64, 10 * 60_000);
  private readonly stats = new LruCache<string, FirmStats>(20_000, 60_000);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly changes: ChangeFeed,
  ) {}

  /**
   * What matching needs of an order, in one query: the order (status, cluster, buyer and its country, delivery place,
   * currency, the cluster's cross-border weight) and its packages in order with the keys they follow and the firm
   * awarded each; null when there is no such order.
   */
  async loadOrder(orderId: string): Promise<MatchingOrder | null> {
    const [row] = await this.db.query(
      `SELECT o.id, o.status, o.cluster_id, o.buyer_firm_id, b.country AS buyer_country, o.delivery_country,
              o.delivery_lat, o.delivery_lng, o.currency, s.cross_border_weight,
              coalesce(json_agg(json_build_object(
                'id', w.id, 'key', w.key, 'processId', w.process_id, 'materialId', w.material_id,
                'requiredCertificationIds', w.required_certification_ids, 'thicknessMm', w.thickness_mm,
                'maxPartLengthMm', w.max_part_length_mm, 'maxPartWidthMm', w.max_part_width_mm,
                'maxPartHeightMm', w.max_part_height_mm, 'quantity', w.quantity, 'dueDate', w.due_date,
                'awardedFirmId', w.awarded_firm_id,
                'after', (SELECT coalesce(json_agg(p.key ORDER BY p.position), '[]')
                          FROM work_package_dependency d JOIN work_package p ON p.id = d.predecessor_id
                          WHERE d.package_id = w.id)
              ) ORDER BY w.position) FILTER (WHERE w.id IS NOT NULL), '[]') AS packages
       FROM cooperative_order o
       JOIN firm b ON b.id = o.buyer_firm_id
       LEFT JOIN cluster_matching_setting s ON s.cluster_id = o.cluster_id
       LEFT JOIN work_package w ON w.order_id = o.id
       WHERE o.id = $1
       GROUP BY o.id, b.country, s.cross_border_weight`,
      [orderId],
    );
    if (!row) return null;
    return {
      id: row.id,
      status: row.status,
      clusterId: row.cluster_id,
      buyerFirmId: row.buyer_firm_id,
      buyerCountry: (row.buyer_country as string).trim(),
      deliveryCountry: (row.delivery_country as string).trim(),
      deliveryPlace: { lat: row.delivery_lat, lng: row.delivery_lng },
      currency: row.currency,
      crossBorderWeight: row.cross_border_weight,
      packages: (row.packages as (Omit<MatchingPackage, 'dueDate'> & { dueDate: string })[]).map((p) => ({
        ...p,
        dueDate: new Date(p.dueDate),
      })),
    };
  }

  /**
   * The order's packages as the matching core takes them: needs (taxonomy expanded) and the package ids each follows.
   */
  async chainOf(orderOrId: string | MatchingOrder): Promise<{ order: MatchingOrder; packages: ChainPackage[] }> {
    const order = typeof orderOrId === 'string' ? await this.loadOrder(orderOrId) : orderOrId;
    if (!order) throw DomainError.notFound('Order', OrderErrorCode.ORDER_NOT_FOUND);
    const snap = await this.taxonomy.snapshot();
    const idOfKey = new Map(order.packages.map((p) => [p.key, p.id]));
    const packages = order.packages.map((p) => ({
      need: needOf(order, p, snap),
      after: p.after.map((k) => idOfKey.get(k) as string),
    }));
    return { order, packages };
  }

  /**
   * The published, valid offers whose process fits the package, at most MAX_CANDIDATES: first those that also pass
   * the constraints cheap to check (firm verified and not the buyer, country served, material, certifications,
   * thickness, batch), nearest to the delivery place first, so that the cut never drops a fitting offer for one that
   * fails. Only for those: each firm's on-time record, answers to invitations and current load.
   *
   * The offers of a set of processes are read once and kept while the offer, firm and membership tables are
   * unchanged (ChangeFeed; without a live feed, as in embedded mode, they are read every time): most packages of a
   * cluster ask for a few dozen processes, so matching reads the catalogue rarely.
   */
  async candidatesFor(need: PackageNeed, now = new Date()): Promise<Candidate[]> {
    const pooled = await this.offerPool(need.acceptedProcessIds);
    const cheap = cheapNeed(need, pooled);
    const { offers: pool, lat, lng, validUntilMs } = pooled;
    const t = now.getTime();
    const pLat = need.deliveryPlace.lat;
    const pLng = need.deliveryPlace.lng;
    const cosLat = Math.cos((pLat * Math.PI) / 180);
    // One number per live offer: those failing a cheap constraint after all that pass, nearer first within each.
    const keys = new Float64Array(pool.length);
    const live = new Uint32Array(pool.length);
    let n = 0;
    for (let i = 0; i < pool.length; i++) {
      if (validUntilMs[i] <= t) continue;
      const dLat = lat[i] - pLat;
      const dLng = (lng[i] - pLng) * cosLat;
      keys[n] = dLat * dLat + dLng * dLng + (fitsCheaply(pooled, i, cheap) ? 0 : 1e6);
      live[n++] = i;
    }
    // The MAX_CANDIDATES least keys: a selection over the keys alone finds the cut, and only the offers up to it are
    // sorted with the tie-break (a pool holds thousands of offers, the cut a few hundred).
    const cut = n > MAX_CANDIDATES ? kthLeast(keys.slice(0, n), MAX_CANDIDATES - 1) : Infinity;
    const kept: number[] = [];
    for (let j = 0; j < n; j++) if (keys[j] <= cut) kept.push(j);
    const ranked = kept
      .sort((a, b) => keys[a] - keys[b] || (pool[live[a]].offerId < pool[live[b]].offerId ? -1 : 1))
      .slice(0, MAX_CANDIDATES)
      .map((j) => pool[live[j]]);
    const stats = await this.firmStats([...new Set(ranked.map((o) => o.firmId))]);
    return ranked.map((o) => {
      const s = stats.get(o.firmId);
      return {
        offerId: o.offerId,
        firmId: o.firmId,
        firmName: o.firmName,
        firmCountry: o.firmCountry,
        firmVerified: o.firmVerified,
        location: o.location,
        offerPublished: o.offerPublished,
        validUntil: o.validUntil,
        processIds: o.processIds,
        materialIds: o.materialIds,
        certificationIds: o.certificationIds,
        minThicknessMm: o.minThicknessMm,
        maxThicknessMm: o.maxThicknessMm,
        maxPartLengthMm: o.maxPartLengthMm,
        maxPartWidthMm: o.maxPartWidthMm,
        maxPartHeightMm: o.maxPartHeightMm,
        minBatch: o.minBatch,
        maxBatch: o.maxBatch,
        countriesServed: o.countriesServed,
        leadTimeDays: o.leadTimeDays,
        // An indicative unit price is a total only for counted pieces; other units are left unpriced.
        priceMinor:
          o.unitPriceMinor !== null && o.priceUnit === 'pcs' && o.priceCurrency === need.currency
            ? o.unitPriceMinor * need.quantity
            : null,
        onTimeRate: s && s.handedOver > 0 ? s.onTime / s.handedOver : null,
        quoteResponseRate: s && s.invited > 0 ? s.answered / s.invited : null,
        quoteResponseHours: s?.answerHours ?? null,
        activePackages: s?.active ?? 0,
      };
    });
  }

  /** Published offers that name one of the processes, with their firm (cached per process set, see above). */
  private async offerPool(processIds: readonly string[]): Promise<OfferPool> {
    const epoch = POOL_TABLES.map((t) => this.changes.epoch(t));
    const key = [...processIds].sort().join(',');
    const epochKey = epoch.includes(null) ? null : epoch.join(':');
    if (epochKey !== null) {
      const hit = this.pools.get(key);
      if (hit && hit.epoch === epochKey) return hit.offers;
    }
    const offers = this.readPool(processIds);
    if (epochKey !== null) {
      this.pools.set(key, { epoch: epochKey, offers });
      // A failed read is not kept: the next package asks again.
      offers.catch(() => {
        if (this.pools.get(key)?.offers === offers) this.pools.delete(key);
      });
    }
    return offers;
  }

  private async readPool(processIds: readonly string[]): Promise<OfferPool> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT o.id AS offer_id, o.firm_id, f.name AS firm_name, f.country AS firm_country, f.lat, f.lng,
              o.status, o.valid_until, o.process_ids, o.material_ids, o.certification_ids,
              o.min_thickness_mm, o.max_thickness_mm, o.max_part_length_mm, o.max_part_width_mm, o.max_part_height_mm,
              o.min_batch, o.max_batch, o.countries_served, o.lead_time_days, o.price_minor, o.price_currency,
              o.price_unit,
              EXISTS (SELECT 1 FROM cluster_membership m WHERE m.firm_id = f.id AND m.status = 'verified') AS verified
       FROM offer o
       JOIN firm f ON f.id = o.firm_id
       WHERE o.status = 'published' AND o.capability_ids && $1::uuid[]`,
      [processIds],
    );
    return toPool(rows.map(toPoolOffer));
  }

  /**
   * On-time hand-overs (from the events), invitations answered with a quote and how fast, and current load. Kept for
   * a minute per firm: a record that changes by one hand-over or one quote may show in the score a minute late,
   * which saves the three lookups per firm that most of a matching job's database time went to.
   */
  private async firmStats(firmIds: string[]): Promise<Map<string, FirmStats>> {
    const out = new Map<string, FirmStats>();
    const missing: string[] = [];
    for (const id of firmIds) {
      const hit = this.stats.get(id);
      if (hit) out.set(id, hit);
      else missing.push(id);
    }
    for (const [id, st] of await this.readFirmStats(missing)) {
      this.stats.set(id, st);
      out.set(id, st);
    }
    return out;
  }

  private async readFirmStats(firmIds: string[]): Promise<Map<string, FirmStats>> {
    if (!firmIds.length) return new Map();
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT f.id, perf.on_time, perf.handed_over, inv.invited, inv.answered, inv.answer_hours,
              (SELECT count(*) FROM work_package w
               WHERE w.awarded_firm_id = f.id AND w.status IN ('awarded', 'in_production'))::int AS active
       FROM unnest($1::uuid[]) AS f(id)
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE (e.payload->>'onTime')::boolean)::int AS on_time, count(*)::int AS handed_over
         FROM outbox_event e WHERE e.type = 'package.handed-over' AND e.payload->>'firmId' = f.id::text
       ) perf ON true
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS invited, count(a.first_at)::int AS answered,
                avg(extract(epoch FROM a.first_at - i.invited_at) / 3600) FILTER (WHERE a.first_at IS NOT NULL)
                  AS answer_hours
         FROM order_invitation i
         LEFT JOIN LATERAL (
           SELECT min(q.created_at) AS first_at FROM quote q JOIN quote_leg l ON l.quote_id = q.id
           WHERE q.order_id = i.order_id AND l.firm_id = i.firm_id AND q.created_at >= i.invited_at
         ) a ON true
         WHERE i.firm_id = f.id
       ) inv ON true`,
      [firmIds],
    );
    return new Map(
      rows.map((r) => [
        r['id'] as string,
        {
          onTime: r['on_time'] as number,
          handedOver: r['handed_over'] as number,
          invited: r['invited'] as number,
          answered: r['answered'] as number,
          answerHours: r['answer_hours'] === null ? null : Number(r['answer_hours']),
          active: r['active'] as number,
        },
      ]),
    );
  }
}

/** An order as matching reads it (CandidateRetrievalService.loadOrder). */
export interface MatchingOrder {
  id: string;
  status: string;
  clusterId: string;
  buyerFirmId: string;
  buyerCountry: string;
  deliveryCountry: string;
  deliveryPlace: { lat: number; lng: number };
  currency: string;
  /** The cross-border weight the cluster's coordinators set; null for the default. */
  crossBorderWeight: number | null;
  packages: MatchingPackage[];
}

export interface MatchingPackage {
  id: string;
  key: string;
  processId: string;
  materialId: string | null;
  requiredCertificationIds: string[];
  thicknessMm: number | null;
  maxPartLengthMm: number | null;
  maxPartWidthMm: number | null;
  maxPartHeightMm: number | null;
  quantity: number;
  dueDate: Date;
  awardedFirmId: string | null;
  /** Keys of the packages this one follows. */
  after: string[];
}

function needOf(order: MatchingOrder, p: MatchingPackage, snap: TaxonomySnapshot): PackageNeed {
  return {
    packageId: p.id,
    key: p.key,
    acceptedProcessIds: snap.withDescendants(p.processId),
    acceptedMaterialIds: p.materialId ? snap.withDescendants(p.materialId) : null,
    requiredCertifications: p.requiredCertificationIds.map((id) => snap.withDescendants(id)),
    thicknessMm: p.thicknessMm,
    partLengthMm: p.maxPartLengthMm,
    partWidthMm: p.maxPartWidthMm,
    partHeightMm: p.maxPartHeightMm,
    quantity: p.quantity,
    dueDate: p.dueDate,
    deliveryCountry: order.deliveryCountry,
    deliveryPlace: order.deliveryPlace,
    buyerFirmId: order.buyerFirmId,
    buyerCountry: order.buyerCountry,
    currency: order.currency,
  };
}
