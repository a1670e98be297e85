import { Module } from '@nestjs/common';
import { IdentityModule } from '@kooperant/identity';
import { MatchingModule } from './matching.module';
import { MatchesResolver } from './graphql/matches.resolver';
import { PipelineResolver } from './graphql/pipeline.resolver';
import { BrokeringResolver } from './graphql/brokering.resolver';
import { ChainProposalsResolver } from './graphql/chains.resolver';
import { MatchingSettingsResolver } from './graphql/matching-settings.resolver';

export const MATCHING_RESOLVERS = [
  MatchesResolver,
  PipelineResolver,
  BrokeringResolver,
  ChainProposalsResolver,
  MatchingSettingsResolver,
];

/** The GraphQL face of matching. */
@Module({
  imports: [IdentityModule, MatchingModule],
  providers: MATCHING_RESOLVERS,
})
export class MatchingGraphqlModule {}
