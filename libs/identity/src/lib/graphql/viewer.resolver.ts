import { Query, Resolver } from '@nestjs/graphql';
import { requireActor } from '../access/access.service';
import type { Actor } from '../access/actor';
import { FirmService } from '../firm/firm.service';
import { UserService } from '../user/user.service';
import { ClusterService } from '../cluster/cluster.service';
import { CurrentActor } from './request-context';
import { ViewerModel } from './viewer.model';
import { DomainError } from '@kooperant/platform-errors';

@Resolver(() => ViewerModel)
export class ViewerResolver {
  constructor(
    private readonly users: UserService,
    private readonly firms: FirmService,
    private readonly clusters: ClusterService,
  ) {}

  @Query(() => ViewerModel, { description: 'The signed-in user, their firms and the clusters they coordinate.' })
  async me(@CurrentActor() actor: Actor | null): Promise<ViewerModel> {
    const a = requireActor(actor);
    const [user, firms, roles] = await Promise.all([this.users.getUser(a.userId), this.firms.myFirms(a), a.roles()]);
    if (!user) throw DomainError.unauthenticated();
    const coordinatorOf = (await this.clusters.clustersByIds([...roles.coordinatorOf])).filter((c) => c !== null);
    return {
      user,
      firms,
      coordinatorOf,
      isPlatformAdmin: roles.platformAdmin,
    } as unknown as ViewerModel;
  }
}
