import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { requireActor } from '../access/access.service';
import type { Actor } from '../access/actor';
import { FirmService } from '../firm/firm.service';
import { ClusterService } from '../cluster/cluster.service';
import type { FirmEntity } from '../firm/firm.entity';
import { CurrentActor, LoaderCache, Loaders } from './request-context';
import { FirmModel } from './firm.model';
import { ClusterMembershipModel } from './cluster-membership.model';
import { RegisterFirmInput } from './register-firm.input';
import { SetFirmMemberInput } from './set-firm-member.input';
import { UpdateFirmInput } from './update-firm.input';
import { OkPayloadModel } from './ok-payload.model';
import { firmLoader, membershipsLoader } from './identity.loaders';
import { UuidScalar } from './uuid.scalar';

@Resolver(() => FirmModel)
export class FirmResolver {
  constructor(
    private readonly firms: FirmService,
    private readonly clusters: ClusterService,
  ) {}

  @Query(() => FirmModel, { nullable: true })
  async firm(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => UuidScalar }) id: string,
    @Loaders() l: LoaderCache,
  ) {
    requireActor(actor);
    return firmLoader(l, this.firms).load(id);
  }

  @Mutation(() => FirmModel, { description: 'Registers a firm; you become its admin.' })
  registerFirm(@CurrentActor() actor: Actor | null, @Args('input') input: RegisterFirmInput) {
    const { idempotencyKey, ...details } = input;
    return this.firms.registerFirm(requireActor(actor), details, idempotencyKey);
  }

  @Mutation(() => FirmModel)
  updateFirm(@CurrentActor() actor: Actor | null, @Args('input') input: UpdateFirmInput) {
    return this.firms.updateFirm(requireActor(actor), input);
  }

  @Mutation(() => OkPayloadModel, { description: 'Adds a user to a firm or changes their role (firm admins).' })
  async setFirmMember(@CurrentActor() actor: Actor | null, @Args('input') input: SetFirmMemberInput) {
    await this.firms.setFirmMember(requireActor(actor), input.firmId, input.email, input.role);
    return { ok: true };
  }

  @ResolveField(() => [ClusterMembershipModel])
  memberships(@Parent() firm: FirmEntity, @Loaders() l: LoaderCache) {
    return membershipsLoader(l, this.clusters).load(firm.id);
  }

  @ResolveField(() => Boolean, { description: 'A coordinator of at least one cluster has verified this firm.' })
  async verified(@Parent() firm: FirmEntity, @Loaders() l: LoaderCache) {
    const list = await membershipsLoader(l, this.clusters).load(firm.id);
    return list.some((m) => m.status === 'verified');
  }
}
