import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DomainError } from '@kooperant/platform-errors';
import {
  ClusterService,
  clusterLoader,
  CurrentActor,
  LoaderCache,
  Loaders,
  requireActor,
  UuidScalar,
  type Actor,
} from '@kooperant/identity';
import { BrokeringService } from '../store/brokering.service';
import { MatchErrorCode } from '../store/match.errors';
import { MatchingSettingsModel } from './matching-settings.model';
import { SetCrossBorderWeightInput, SetIntroductionApprovalInput } from './matching-settings.inputs';

/** What a cluster's coordinators set for matching. */
@Resolver(() => MatchingSettingsModel)
export class MatchingSettingsResolver {
  constructor(
    private readonly brokering: BrokeringService,
    private readonly clusters: ClusterService,
  ) {}

  @Query(() => MatchingSettingsModel, { description: "A cluster's matching settings, or the defaults it uses." })
  async matchingSettings(
    @CurrentActor() actor: Actor | null,
    @Args('clusterId', { type: () => UuidScalar }) clusterId: string,
    @Loaders() l: LoaderCache,
  ): Promise<MatchingSettingsModel> {
    requireActor(actor);
    if (!(await clusterLoader(l, this.clusters).load(clusterId)))
      throw DomainError.notFound('Cluster', MatchErrorCode.CLUSTER_NOT_FOUND);
    return this.brokering.settingsOf(clusterId);
  }

  @Mutation(() => MatchingSettingsModel, {
    description:
      'A coordinator of the cluster sets how much its orders prefer firms across the border; they are matched again.',
  })
  setCrossBorderWeight(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: SetCrossBorderWeightInput,
  ): Promise<MatchingSettingsModel> {
    return this.brokering.setSettings(requireActor(actor), input.clusterId, {
      crossBorderWeight: input.crossBorderWeight,
    });
  }

  @Mutation(() => MatchingSettingsModel, {
    description: "A coordinator of the cluster sets whether introductions across clusters need the cluster's approval.",
  })
  setIntroductionApproval(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: SetIntroductionApprovalInput,
  ): Promise<MatchingSettingsModel> {
    return this.brokering.setSettings(requireActor(actor), input.clusterId, {
      introductionsNeedApproval: input.required,
    });
  }
}
