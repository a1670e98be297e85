import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { requireActor } from '../access/access.service';
import type { Actor } from '../access/actor';
import { ClusterService } from '../cluster/cluster.service';
import type { ClusterEntity } from '../cluster/cluster.entity';
import { clusterLoader } from './identity.loaders';
import { CurrentActor, LoaderCache, Loaders } from './request-context';
import { ClusterModel } from './cluster.model';
import { ClusterMembershipModel } from './cluster-membership.model';
import { MembershipStatusCode } from './enums';
import { AppointCoordinatorInput } from './appoint-coordinator.input';
import { DecideClusterMembershipInput } from './decide-cluster-membership.input';
import { RequestClusterMembershipInput } from './request-cluster-membership.input';
import { OkPayloadModel } from './ok-payload.model';
import { UuidScalar } from './uuid.scalar';

@Resolver(() => ClusterModel)
export class ClusterResolver {
  constructor(private readonly clusterService: ClusterService) {}

  @Query(() => [ClusterModel])
  clusters(@CurrentActor() actor: Actor | null) {
    requireActor(actor);
    return this.clusterService.listClusters();
  }

  @ResolveField(() => ClusterModel, { nullable: true })
  partnerCluster(@Parent() c: ClusterEntity, @Loaders() l: LoaderCache) {
    return c.partnerClusterId ? clusterLoader(l, this.clusterService).load(c.partnerClusterId) : null;
  }

  @Query(() => [ClusterMembershipModel], { description: "A cluster's membership requests (its coordinators)." })
  clusterMemberships(
    @CurrentActor() actor: Actor | null,
    @Args('clusterId', { type: () => UuidScalar }) clusterId: string,
    @Args('status', { type: () => MembershipStatusCode, nullable: true }) status?: MembershipStatusCode,
  ) {
    return this.clusterService.membershipsOfCluster(requireActor(actor), clusterId, status);
  }

  @Mutation(() => ClusterMembershipModel, { description: 'A firm admin asks a cluster to admit the firm.' })
  requestClusterMembership(@CurrentActor() actor: Actor | null, @Args('input') input: RequestClusterMembershipInput) {
    return this.clusterService.requestMembership(requireActor(actor), input.firmId, input.clusterId);
  }

  @Mutation(() => ClusterMembershipModel, { description: "A coordinator verifies or rejects a firm's request." })
  decideClusterMembership(@CurrentActor() actor: Actor | null, @Args('input') input: DecideClusterMembershipInput) {
    return this.clusterService.decideMembership(requireActor(actor), input.membershipId, input.verify, input.note);
  }

  @Mutation(() => OkPayloadModel, { description: 'A platform admin makes a user coordinator of a cluster.' })
  async appointCoordinator(@CurrentActor() actor: Actor | null, @Args('input') input: AppointCoordinatorInput) {
    await this.clusterService.appointCoordinator(requireActor(actor), input.clusterId, input.email);
    return { ok: true };
  }
}
