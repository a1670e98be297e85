import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TaxonomyService, type TaxonomySnapshot } from '@kooperant/catalogue';
import { OrderService, type OrderView } from '@kooperant/orders';
import type { Candidate, PackageNeed } from '../scoring/candidate';
import type { ChainPackage } from '../chain/chain-search';

/** Up to this many offers are considered per package (the best matches of process first). */
const MAX_CANDIDATES = 200;

/**
 * Reads what the matching core works on: the needs of an order's packages (taxonomy expanded) and, per package,
 * the published offers of other verified firms whose processes fit, with each firm's place, on-time record and
 * current load, answers to invitations. Two queries per package, whatever the number of offers.
 */
@Injectable()
export class CandidateRetrievalService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: OrderService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async chainOf(orderId: string): Promise<{ view: OrderView; packages: ChainPackage[] }> {
    const view = await this.orders.load(orderId);
    const snap = await this.taxonomy.snapshot();
    const [buyer] = await this.db.query(`SELECT country FROM firm WHERE id = $1`, [view.order.buyerFirmId]);
    const idOfKey = new Map(view.packages.map((p) => [p.key, p.id]));
    const packages = view.packages.map((p) => ({
      need: this.needOf(view, p, snap, buyer?.country ?? 'PL'),
      after: p.after.map((k) => idOfKey.get(k) as string),
    }));
    return { view, packages };
  }

  /**
   * The published, valid offers whose process fits the package, at most MAX_CANDIDATES: first those that also pass
   * the constraints SQL can check cheaply (firm verified and not the buyer, country served, material, certifications,
   * thickness, batch), nearest to the delivery place first, so that the cut never drops a fitting offer for one that
   * fails. Only for those: each firm's on-time record, answers to invitations and current load.
   */
  async candidatesFor(need: PackageNeed, now = new Date()): Promise<Candidate[]> {
    const params: unknown[] = [
      need.acceptedProcessIds,
      now,
      need.buyerFirmId,
      need.deliveryCountry,
      need.deliveryPlace.lat,
      need.deliveryPlace.lng,
    ];
    const p = (v: unknown) => `$${params.push(v)}`;
    const fits = [
      `f.id <> $3`,
      `$4::bpchar = ANY(o.countries_served)`,
      `EXISTS (SELECT 1 FROM cluster_membership m WHERE m.firm_id = f.id AND m.status = 'verified')`,
      ...(need.acceptedMaterialIds
        ? [`(cardinality(o.material_ids) = 0 OR o.material_ids && ${p(need.acceptedMaterialIds)}::uuid[])`]
        : []),
      ...need.requiredCertifications.map((set) => `o.certification_ids && ${p(set)}::uuid[]`),
      ...(need.thicknessMm !== null
        ? [
            `COALESCE(o.max_thickness_mm, 'Infinity') >= ${p(need.thicknessMm)} AND COALESCE(o.min_thickness_mm, 0) <= $${params.length}`,
          ]
        : []),
      `COALESCE(o.min_batch, 0) <= ${p(need.quantity)} AND COALESCE(o.max_batch, 2147483647) >= $${params.length}`,
    ].join(' AND ');
    const rows: Record<string, unknown>[] = await this.db.query(
      `WITH fit AS (
         SELECT o.id AS offer_id, o.firm_id, f.name AS firm_name, f.country AS firm_country, f.lat, f.lng,
                o.status, o.valid_until, o.process_ids, o.material_ids, o.certification_ids,
                o.min_thickness_mm, o.max_thickness_mm, o.max_part_length_mm, o.max_part_width_mm, o.max_part_height_mm,
                o.min_batch, o.max_batch, o.countries_served, o.lead_time_days, o.price_minor, o.price_currency,
                o.price_unit,
                EXISTS (SELECT 1 FROM cluster_membership m WHERE m.firm_id = f.id AND m.status = 'verified') AS verified
         FROM offer o
         JOIN firm f ON f.id = o.firm_id
         WHERE o.status = 'published' AND o.capability_ids && $1::uuid[] AND o.valid_until > $2
         ORDER BY (${fits}) DESC,
                  power(f.lat - $5, 2) + power((f.lng - $6) * cos(radians($5)), 2), o.id
         LIMIT ${MAX_CANDIDATES}
       )
       SELECT fit.*, perf.on_time, perf.handed_over, inv.invited, inv.answered, inv.answer_hours,
              (SELECT count(*) FROM work_package w
               WHERE w.awarded_firm_id = fit.firm_id AND w.status IN ('awarded', 'in_production'))::int AS active
       FROM fit
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE (e.payload->>'onTime')::boolean)::int AS on_time, count(*)::int AS handed_over
         FROM outbox_event e WHERE e.type = 'package.handed-over' AND e.payload->>'firmId' = fit.firm_id::text
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
         WHERE i.firm_id = fit.firm_id
       ) inv ON true`,
      params,
    );
    return rows.map((r) => ({
      offerId: r['offer_id'] as string,
      firmId: r['firm_id'] as string,
      firmName: r['firm_name'] as string,
      firmCountry: (r['firm_country'] as string).trim(),
      firmVerified: r['verified'] as boolean,
      location: { lat: r['lat'] as number, lng: r['lng'] as number },
      offerPublished: r['status'] === 'published',
      validUntil: new Date(r['valid_until'] as string),
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
      // An indicative unit price is a total only for counted pieces; other units are left unpriced.
      priceMinor:
        r['price_minor'] !== null && r['price_unit'] === 'pcs' && r['price_currency'] === need.currency
          ? Number(r['price_minor']) * need.quantity
          : null,
      onTimeRate: (r['handed_over'] as number) > 0 ? (r['on_time'] as number) / (r['handed_over'] as number) : null,
      quoteResponseRate: (r['invited'] as number) > 0 ? (r['answered'] as number) / (r['invited'] as number) : null,
      quoteResponseHours: r['answer_hours'] === null ? null : Number(r['answer_hours']),
      activePackages: r['active'] as number,
    }));
  }

  private needOf(
    view: OrderView,
    p: OrderView['packages'][number],
    snap: TaxonomySnapshot,
    buyerCountry: string,
  ): PackageNeed {
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
      deliveryCountry: view.order.deliveryCountry,
      deliveryPlace: { lat: view.order.deliveryLat, lng: view.order.deliveryLng },
      buyerFirmId: view.order.buyerFirmId,
      buyerCountry,
      currency: view.order.currency,
    };
  }
}
