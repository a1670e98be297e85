import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@kooperant/catalogue';
import { OrdersModule } from '@kooperant/orders';
import { CandidateRetrievalService } from './retrieval/candidate-retrieval.service';
import { PackageRankingService } from './ranking/package-ranking.service';
import { MATCHING_ENTITIES } from './store/package-match.entity';
import { MatchStoreService } from './store/match-store.service';
import { BrokeringService } from './store/brokering.service';
import { MatchQueriesService } from './store/match-queries.service';

/** Matching: ranked partners for work packages, whole chains, and the coordinators' brokering pipeline. */
@Module({
  imports: [CatalogueModule, OrdersModule, TypeOrmModule.forFeature(MATCHING_ENTITIES)],
  providers: [
    CandidateRetrievalService,
    PackageRankingService,
    MatchStoreService,
    BrokeringService,
    MatchQueriesService,
  ],
  exports: [CandidateRetrievalService, PackageRankingService, MatchStoreService, BrokeringService, MatchQueriesService],
})
export class MatchingModule {}
