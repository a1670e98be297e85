import { Module } from '@nestjs/common';
import { CatalogueModule } from '@kooperant/catalogue';
import { OrdersModule } from '@kooperant/orders';
import { CandidateRetrievalService } from './retrieval/candidate-retrieval.service';

/** Matching: ranked partners for work packages and whole chains (jobs and brokering to come). */
@Module({
  imports: [CatalogueModule, OrdersModule],
  providers: [CandidateRetrievalService],
  exports: [CandidateRetrievalService],
})
export class MatchingModule {}
