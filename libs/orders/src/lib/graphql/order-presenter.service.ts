import { Injectable } from '@nestjs/common';
import { FirmService, firmLoader, type FirmEntity, type LoaderCache } from '@kooperant/identity';
import { TaxonomyService } from '@kooperant/catalogue';
import type { OrderView } from '../order/order.service';
import type { CooperativeOrderModel } from './cooperative-order.model';
import { presentOrder } from './order.presenter';

/** Shapes orders for the resolvers that return them. */
@Injectable()
export class OrderPresenter {
  constructor(
    private readonly firms: FirmService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async present(view: OrderView, l: LoaderCache): Promise<CooperativeOrderModel> {
    const ids = [view.order.buyerFirmId, ...view.packages.flatMap((p) => (p.awardedFirmId ? [p.awardedFirmId] : []))];
    const [snap, firms] = await Promise.all([this.taxonomy.snapshot(), firmLoader(l, this.firms).loadMany(ids)]);
    const byId = new Map(ids.map((id, i) => [id, firms[i] instanceof Error ? null : (firms[i] as FirmEntity | null)]));
    return presentOrder(view, snap, byId);
  }
}
