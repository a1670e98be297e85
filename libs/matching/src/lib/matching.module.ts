import { Module } from '@nestjs/common';
import { CatalogueModule } from '@kooperant/catalogue';
import { OrdersModule } from '@kooperant/orders';
import { CandidateRetrievalService } from './retrieval/candidate-retrieval.service';
import { PackageRankingService } from './ranking/package-ranking.service';

/** Matching: ranked partners for work packages and whole chains (jobs and brokering to come). */
@Module({
  imports: [CatalogueModule, OrdersModule],
  providers: [CandidateRetrievalService, PackageRankingService],
  exports: [CandidateRetrievalService, PackageRankingService],
})
export class MatchingModule {}
