import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, LoaderCache, requireActor, type Actor } from '@kooperant/identity';
import { AwardService } from '../award/award.service';
import { WorkPackageLifecycleService } from '../award/work-package-lifecycle.service';
import { CooperativeOrderModel } from './cooperative-order.model';
import { AwardWorkPackageInput } from './award-work-package.input';
import { CancelAwardInput } from './cancel-award.input';
import { WorkPackageIdInput } from './work-package-id.input';
import { OrderPresenter } from './order-presenter.service';

/** Awards and the production steps of packages; each returns the order as it now stands. */
@Resolver(() => CooperativeOrderModel)
export class AwardResolver {
  constructor(
    private readonly awards: AwardService,
    private readonly lifecycle: WorkPackageLifecycleService,
    private readonly presenter: OrderPresenter,
  ) {}

  @Mutation(() => CooperativeOrderModel, { description: 'Awards a package to a quote; exactly one award per package.' })
  async awardWorkPackage(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: AwardWorkPackageInput,
    @Context('loaders') l: LoaderCache,
  ) {
    const view = await this.awards.awardWorkPackage(
      requireActor(actor),
      input.packageId,
      input.quoteId,
      input.idempotencyKey,
    );
    return this.presenter.present(view, l);
  }

  @Mutation(() => CooperativeOrderModel, { description: 'Takes back an award before production starts.' })
  async cancelWorkPackageAward(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: CancelAwardInput,
    @Context('loaders') l: LoaderCache,
  ) {
    return this.presenter.present(await this.awards.cancelAward(requireActor(actor), input.packageId, input.reason), l);
  }

  @Mutation(() => CooperativeOrderModel, { description: 'The awarded firm starts production.' })
  async startWorkPackage(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: WorkPackageIdInput,
    @Context('loaders') l: LoaderCache,
  ) {
    return this.presenter.present(await this.lifecycle.start(requireActor(actor), input.packageId), l);
  }

  @Mutation(() => CooperativeOrderModel, {
    description: 'The awarded firm hands its work over to the next step or the buyer.',
  })
  async handOverWorkPackage(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: WorkPackageIdInput,
    @Context('loaders') l: LoaderCache,
  ) {
    return this.presenter.present(await this.lifecycle.handOver(requireActor(actor), input.packageId), l);
  }

  @Mutation(() => CooperativeOrderModel, {
    description: 'The firm of the next step, or the buyer, accepts a handed-over package.',
  })
  async acceptWorkPackage(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: WorkPackageIdInput,
    @Context('loaders') l: LoaderCache,
  ) {
    return this.presenter.present(await this.lifecycle.accept(requireActor(actor), input.packageId), l);
  }
}
