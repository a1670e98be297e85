import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  CurrentActor,
  FirmService,
  firmLoader,
  LoaderCache,
  requireActor,
  type Actor,
  type FirmEntity,
} from '@kooperant/identity';
import { QuoteService, type QuoteView } from '../quote/quote.service';
import { QuoteModel } from './quote.model';
import { SubmitQuoteInput } from './submit-quote.input';
import { ReviseQuoteInput } from './revise-quote.input';
import { QuoteIdInput } from './quote-id.input';
import { ConfirmQuoteLegsInput } from './confirm-quote-legs.input';
import { UuidScalar } from '@kooperant/identity';

@Resolver(() => QuoteModel)
export class QuoteResolver {
  constructor(
    private readonly quotes: QuoteService,
    private readonly firms: FirmService,
  ) {}

  @Query(() => [QuoteModel], {
    description: 'Quotes of an order: all for the buyer and coordinators, your own for a supplier.',
  })
  async quotesOfOrder(
    @CurrentActor() actor: Actor | null,
    @Args('orderId', { type: () => UuidScalar }) orderId: string,
    @Context('loaders') l: LoaderCache,
  ) {
    const views = await this.quotes.quotesOfOrder(requireActor(actor), orderId);
    return Promise.all(views.map((v) => this.present(v, l)));
  }

  @Query(() => QuoteModel)
  async quote(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => UuidScalar }) id: string,
    @Context('loaders') l: LoaderCache,
  ) {
    return this.present(await this.quotes.getQuote(requireActor(actor), id), l);
  }

  @Mutation(() => QuoteModel, {
    description: 'Quotes packages of an open order; legs by partner firms make a joint chain quote.',
  })
  async submitQuote(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: SubmitQuoteInput,
    @Context('loaders') l: LoaderCache,
  ) {
    const { idempotencyKey, ...cmd } = input;
    return this.present(await this.quotes.submitQuote(requireActor(actor), cmd, idempotencyKey), l);
  }

  @Mutation(() => QuoteModel)
  async reviseQuote(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: ReviseQuoteInput,
    @Context('loaders') l: LoaderCache,
  ) {
    const { quoteId, ...draft } = input;
    return this.present(await this.quotes.reviseQuote(requireActor(actor), quoteId, draft), l);
  }

  @Mutation(() => QuoteModel)
  async withdrawQuote(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: QuoteIdInput,
    @Context('loaders') l: LoaderCache,
  ) {
    return this.present(await this.quotes.withdrawQuote(requireActor(actor), input.quoteId), l);
  }

  @Mutation(() => QuoteModel, { description: 'A partner firm confirms its legs of a joint quote.' })
  async confirmQuoteLegs(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: ConfirmQuoteLegsInput,
    @Context('loaders') l: LoaderCache,
  ) {
    return this.present(await this.quotes.confirmQuoteLegs(requireActor(actor), input.quoteId, input.firmId), l);
  }

  private async present(v: QuoteView, l: LoaderCache): Promise<QuoteModel> {
    const loader = firmLoader(l, this.firms);
    const firm = async (id: string) => (await loader.load(id)) as FirmEntity;
    return {
      ...v.quote,
      version: v.quote.currentVersion,
      leadFirm: await firm(v.quote.leadFirmId),
      legs: await Promise.all(
        v.legs.map(async (leg) => ({ ...leg, firm: await firm(leg.firmId), confirmed: leg.confirmedAt !== null })),
      ),
    } as unknown as QuoteModel;
  }
}
