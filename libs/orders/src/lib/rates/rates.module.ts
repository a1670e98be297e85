import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RATES_ENTITIES } from './rates.entities';
import { ExchangeRateService } from './exchange-rate.service';

/** Official exchange rates (NBP, ECB) and conversions between PLN and EUR. */
@Module({
  imports: [TypeOrmModule.forFeature(RATES_ENTITIES)],
  providers: [ExchangeRateService],
  exports: [ExchangeRateService],
})
export class RatesModule {}
