import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ClusterService } from '../cluster/cluster.service';
import { FirmService } from '../firm/firm.service';
import type { ClusterMembershipEntity } from '../cluster/cluster-membership.entity';
import { LoaderCache, Loaders } from './request-context';
import { ClusterModel } from './cluster.model';
import { ClusterMembershipModel } from './cluster-membership.model';
import { FirmModel } from './firm.model';
import { clusterLoader, firmLoader } from './identity.loaders';

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
