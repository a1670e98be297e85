import { Module } from '@nestjs/common';
import { IdentityModule } from '@kooperant/identity';
import { MatchingModule } from './matching.module';
import { MatchesResolver } from './graphql/matches.resolver';

export const MATCHING_RESOLVERS = [MatchesResolver];

/** The GraphQL face of matching. */
@Module({
  imports: [IdentityModule, MatchingModule],
  providers: MATCHING_RESOLVERS,
})
export class MatchingGraphqlModule {}
