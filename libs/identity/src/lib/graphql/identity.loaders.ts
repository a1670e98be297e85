import type { FirmService } from '../firm/firm.service';
import type { ClusterService } from '../cluster/cluster.service';
import type { ClusterEntity } from '../cluster/cluster.entity';
import type { ClusterMembershipEntity } from '../cluster/cluster-membership.entity';
import type { FirmEntity } from '../firm/firm.entity';
import type { LoaderCache } from './request-context';

/** Request-scoped batch loaders of identity rows, shared by the resolvers of every domain. */
export function firmLoader(loaders: LoaderCache, firms: FirmService) {
  return loaders.get<string, FirmEntity | null>('firm', (ids) => firms.firmsByIds(ids));
}

export function membershipsLoader(loaders: LoaderCache, clusters: ClusterService) {
  return loaders.get<string, ClusterMembershipEntity[]>('firm.memberships', (ids) =>
    clusters.membershipsByFirmIds(ids),
  );
}

export function clusterLoader(loaders: LoaderCache, clusters: ClusterService) {
  return loaders.get<string, ClusterEntity | null>('cluster', (ids) => clusters.clustersByIds(ids));
}
