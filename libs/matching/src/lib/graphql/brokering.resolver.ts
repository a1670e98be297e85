import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { DomainError } from '@kooperant/platform-errors';
import { CurrentActor, LoaderCache, Loaders, requireActor, type Actor } from '@kooperant/identity';
import { BrokeringService, type MatchContext } from '../store/brokering.service';
import { MatchQueriesService } from '../store/match-queries.service';
import { MatchErrorCode } from '../store/match.errors';
import { MatchModel } from './pipeline.model';
import {
  ApproveIntroductionInput,
  DeclineInvitationInput,
  DismissMatchInput,
  EndorseMatchInput,
  HandOverToPartnerClusterInput,
  InviteFirmToQuoteInput,
} from './brokering.inputs';
import { matchActionsLoader, matchContextLoader } from './brokering.loaders';
import { presentMatch } from './match.presenter';

/** The coordinators' steps on a match, and the invited firm's refusal. Each returns the match as it now is. */
@Resolver(() => MatchModel)
export class BrokeringResolver {
  constructor(
    private readonly brokering: BrokeringService,
    private readonly queries: MatchQueriesService,
  ) {}

  @Mutation(() => MatchModel, { description: 'A coordinator of the handling cluster: the firm is worth inviting.' })
  async endorseMatch(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: EndorseMatchInput,
    @Loaders() l: LoaderCache,
  ) {
    return this.present(await this.brokering.endorse(requireActor(actor), input.matchId, input.note ?? ''), l);
  }

  @Mutation(() => MatchModel, { description: 'A coordinator of the handling cluster sets a proposal aside.' })
  async dismissMatch(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: DismissMatchInput,
    @Loaders() l: LoaderCache,
  ) {
    return this.present(await this.brokering.dismiss(requireActor(actor), input.matchId, input.note ?? ''), l);
  }

  @Mutation(() => MatchModel, {
    description:
      'A coordinator of the handling cluster invites an endorsed firm to quote. Across clusters the match may first ' +
      "await the other side's approval.",
  })
  async inviteFirmToQuote(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: InviteFirmToQuoteInput,
    @Loaders() l: LoaderCache,
  ) {
    return this.present(await this.brokering.invite(requireActor(actor), input.matchId, input.note ?? ''), l);
  }

  @Mutation(() => MatchModel, {
    description: "A coordinator of the handling cluster passes the match to the partner cluster's coordinators.",
  })
  async handOverToPartnerCluster(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: HandOverToPartnerClusterInput,
    @Loaders() l: LoaderCache,
  ) {
    return this.present(await this.brokering.handOver(requireActor(actor), input.matchId, input.note ?? ''), l);
  }

  @Mutation(() => MatchModel, {
    description:
      'A coordinator of a cluster whose approval an introduction across clusters waits for gives it; the firm is ' +
      'invited once no approval is missing.',
  })
  async approveIntroduction(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: ApproveIntroductionInput,
    @Loaders() l: LoaderCache,
  ) {
    const ctx = await this.brokering.approveIntroduction(requireActor(actor), input.matchId, input.note ?? '');
    return this.present(ctx, l);
  }

  @Mutation(() => MatchModel, { description: 'A member of the invited firm declines to quote.' })
  async declineInvitation(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: DeclineInvitationInput,
    @Loaders() l: LoaderCache,
  ) {
    return this.present(await this.brokering.decline(requireActor(actor), input.matchId, input.reason), l);
  }

  /** The match as the lists show it; what the request's loaders held of it before the change is dropped. */
  private async present(ctx: MatchContext, l: LoaderCache): Promise<MatchModel> {
    matchActionsLoader(l, this.brokering).clear(ctx.id);
    matchContextLoader(l, this.brokering).clear(ctx.id);
    const view = (await this.queries.byIds([ctx.id])).get(ctx.id);
    if (!view) throw DomainError.notFound('Match', MatchErrorCode.MATCH_NOT_FOUND);
    return presentMatch(view);
  }
}
