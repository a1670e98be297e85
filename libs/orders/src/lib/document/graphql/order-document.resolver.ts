import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, requireActor, type Actor } from '@kooperant/identity';
import { DocumentService } from '../document.service';
import { toOrderDocumentView } from '../order-document.view';
import { OrderDocumentModel } from './order-document.model';
import type { DocumentKindCode } from './document-kind.enum';
import { UuidScalar } from '@kooperant/identity';

@Resolver(() => OrderDocumentModel)
export class OrderDocumentResolver {
  constructor(private readonly documents: DocumentService) {}

  @Query(() => [OrderDocumentModel], {
    description: 'Drawings and documents of an order, oldest first, for whoever may see the order.',
  })
  async orderDocuments(
    @CurrentActor() actor: Actor | null,
    @Args('orderId', { type: () => UuidScalar }) orderId: string,
  ): Promise<OrderDocumentModel[]> {
    const rows = await this.documents.list(requireActor(actor), orderId);
    return rows.map((d) => ({ ...toOrderDocumentView(d), kind: d.kind as DocumentKindCode }));
  }
}
