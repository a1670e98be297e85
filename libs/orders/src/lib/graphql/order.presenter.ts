import type { FirmEntity } from '@kooperant/identity';
import type { TaxonomySnapshot } from '@kooperant/catalogue';
import type { OrderView } from '../order/order.service';
import type { CooperativeOrderModel } from './cooperative-order.model';

/** Shapes an order for GraphQL: its delivery address as an object, taxonomy entries instead of ids, the buyer firm. */
export function presentOrder(
  view: OrderView,
  snap: TaxonomySnapshot,
  buyerFirm: FirmEntity | null,
): CooperativeOrderModel {
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
    })),
  } as unknown as CooperativeOrderModel;
}
