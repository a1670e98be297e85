import type { FirmEntity } from '@kooperant/identity';
import type { TaxonomySnapshot } from '@kooperant/catalogue';
import type { OrderView } from '../order/order.service';
import { vatTreatment } from '../vat/vat-treatment';
import type { CooperativeOrderModel } from './cooperative-order.model';

/** Shapes an order for GraphQL: its delivery address as an object, taxonomy entries instead of ids, the buyer firm. */
export function presentOrder(
  view: OrderView,
  snap: TaxonomySnapshot,
  firms: ReadonlyMap<string, FirmEntity | null>,
  now = new Date(),
): CooperativeOrderModel {
  const buyerFirm = firms.get(view.order.buyerFirmId) ?? null;
  const o = view.order;
  const entry = (id: string | null) => (id ? (snap.byId.get(id) ?? null) : null);
  return {
    ...o,
    buyerFirm,
    delivery: {
      street: o.deliveryStreet,
      city: o.deliveryCity,
      postcode: o.deliveryPostcode,
      country: o.deliveryCountry,
      lat: o.deliveryLat,
      lng: o.deliveryLng,
    },
    workPackages: view.packages.map((p) => ({
      ...p,
      process: entry(p.processId),
      material: entry(p.materialId),
      requiredCertifications: p.requiredCertificationIds.map(entry).filter((e) => e !== null),
      awardedFirm: p.awardedFirmId ? (firms.get(p.awardedFirmId) ?? null) : null,
      vat: vatOf(p.awardedFirmId ? firms.get(p.awardedFirmId) : null, buyerFirm, p.awardedAt ?? now),
    })),
  } as unknown as CooperativeOrderModel;
}

/** The VAT treatment of an awarded leg; packages are work on the buyer's material, so services. */
function vatOf(supplier: FirmEntity | null | undefined, buyer: FirmEntity | null, onDate: Date) {
  if (!supplier || !buyer) return null;
  return vatTreatment(
    { country: supplier.country, vatNumber: supplier.vatNumber },
    { country: buyer.country, vatNumber: buyer.vatNumber },
    'services',
    onDate,
  );
}
