import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { requireActor } from '../access/access.service';
import type { Actor } from '../access/actor';
import { ClusterService } from '../cluster/cluster.service';
import { FirmService } from '../firm/firm.service';
import type { ClusterEntity } from '../cluster/cluster.entity';
import type { ClusterMembershipEntity } from '../cluster/cluster-membership.entity';
import { CurrentActor, LoaderCache, Loaders } from './request-context';
import { ClusterModel } from './cluster.model';
import { ClusterMembershipModel } from './cluster-membership.model';
import { FirmModel } from './firm.model';
import { MembershipStatusCode } from './enums';
import { AppointCoordinatorInput, DecideClusterMembershipInput, RequestClusterMembershipInput } from './firm.inputs';
import { OkPayloadModel } from './auth-payload.model';
import { firmLoader } from './firm.resolver';

function clusterLoader(l: LoaderCache, clusters: ClusterService) {
  return l.get<string, ClusterEntity | null>('cluster', (ids) => clusters.clustersByIds(ids));
}

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
    @Args('clusterId', { type: () => ID }) clusterId: string,
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

@Resolver(() => ClusterMembershipModel)
export class ClusterMembershipResolver {
  constructor(
    private readonly clusters: ClusterService,
    private readonly firms: FirmService,
  ) {}

  @ResolveField(() => FirmModel)
  firm(@Parent() m: ClusterMembershipEntity, @Loaders() l: LoaderCache) {
    return firmLoader(l, this.firms).load(m.firmId);
  }

  @ResolveField(() => ClusterModel)
  cluster(@Parent() m: ClusterMembershipEntity, @Loaders() l: LoaderCache) {
    return clusterLoader(l, this.clusters).load(m.clusterId);
  }
}
