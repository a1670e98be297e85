import { Module } from '@nestjs/common';
import { IdentityModule } from './identity.module';
import { AuthResolver } from './graphql/auth.resolver';
import { ClusterMembershipResolver } from './graphql/cluster-membership.resolver';
import { ClusterResolver } from './graphql/cluster.resolver';
import { FirmResolver } from './graphql/firm.resolver';
import { ViewerResolver } from './graphql/viewer.resolver';

/** The GraphQL face of identity, imported by the gateway. */
export const IDENTITY_RESOLVERS = [
  AuthResolver,
  ViewerResolver,
  FirmResolver,
  ClusterResolver,
  ClusterMembershipResolver,
];

@Module({
  imports: [IdentityModule],
  providers: IDENTITY_RESOLVERS,
})
export class IdentityGraphqlModule {}
