import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@kooperant/catalogue';
import { OrdersModule } from '@kooperant/orders';
import { CandidateRetrievalService } from './retrieval/candidate-retrieval.service';
import { PackageRankingService } from './ranking/package-ranking.service';
import { MATCHING_ENTITIES } from './store/package-match.entity';
import { MatchStoreService } from './store/match-store.service';

/** Matching: ranked partners for work packages and whole chains (jobs and brokering to come). */
@Module({
  imports: [CatalogueModule, OrdersModule, TypeOrmModule.forFeature(MATCHING_ENTITIES)],
  providers: [CandidateRetrievalService, PackageRankingService, MatchStoreService],
  exports: [CandidateRetrievalService, PackageRankingService, MatchStoreService],
})
export class MatchingModule {}
