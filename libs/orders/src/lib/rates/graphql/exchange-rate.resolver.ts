import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, requireActor, type Actor } from '@kooperant/identity';
import { CurrencyCode } from '@kooperant/catalogue';
import { ExchangeRateService } from '../exchange-rate.service';
import { ExchangeRateModel } from './exchange-rate.model';
import { ExchangeRateImportModel } from './exchange-rate-import.model';
import { ImportExchangeRatesInput } from './import-exchange-rates.input';
import { RateSourceCode } from './rates.enums';
import { presentExchangeRate, presentRateImport } from './exchange-rate.presenter';

@Resolver(() => ExchangeRateModel)
export class ExchangeRateResolver {
  constructor(private readonly rates: ExchangeRateService) {}

  @Mutation(() => ExchangeRateImportModel, {
    description: 'Imports a rate file (NBP table A JSON or ECB XML); platform admins and cluster coordinators only.',
  })
  async importExchangeRates(@CurrentActor() actor: Actor | null, @Args('input') input: ImportExchangeRatesInput) {
    return presentRateImport(await this.rates.importRates(requireActor(actor), input.source, input.content));
  }

  @Query(() => ExchangeRateModel, {
    description:
      'The rate of the latest table on or before a day (YYYY-MM-DD), from the preferred source when it has one.',
  })
  async exchangeRate(
    @CurrentActor() actor: Actor | null,
    @Args('from', { type: () => CurrencyCode }) from: CurrencyCode,
    @Args('to', { type: () => CurrencyCode }) to: CurrencyCode,
    @Args('date') date: string,
    @Args('source', { type: () => RateSourceCode, nullable: true }) source?: RateSourceCode,
  ) {
    requireActor(actor);
    return presentExchangeRate(await this.rates.rateFor(from, to, date, source ?? undefined));
  }
}
