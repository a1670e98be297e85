import { Injectable } from '@nestjs/common';
import { FirmService, firmLoader, type LoaderCache } from '@kooperant/identity';
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
    const [snap, firm] = await Promise.all([
      this.taxonomy.snapshot(),
      firmLoader(l, this.firms).load(view.order.buyerFirmId),
    ]);
    return presentOrder(view, snap, firm);
  }
}
