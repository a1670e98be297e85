import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EXCHANGE_ENTITIES } from './exchange.entity';
import { ExchangeService } from './exchange.service';

/** The coordinators' exchange between partner clusters. */
@Module({
  imports: [TypeOrmModule.forFeature(EXCHANGE_ENTITIES)],
  providers: [ExchangeService],
  exports: [ExchangeService],
})
export class ExchangeModule {}
