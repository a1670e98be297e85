import { ClusterEntity } from './cluster/cluster.entity';
import { ClusterMembershipEntity } from './cluster/cluster-membership.entity';
import { ClusterCoordinatorEntity } from './cluster/cluster-coordinator.entity';
import { FirmEntity } from './firm/firm.entity';
import { FirmMemberEntity } from './firm/firm-member.entity';
import { UserEntity } from './user/user.entity';
import { RefreshTokenEntity } from './auth/refresh-token.entity';

export const IDENTITY_ENTITIES = [
  ClusterEntity,
  ClusterMembershipEntity,
  ClusterCoordinatorEntity,
  FirmEntity,
  FirmMemberEntity,
  UserEntity,
  RefreshTokenEntity,
];
