import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from '@kooperant/identity';

/** A coordinator's step on a match; each mutation has its own input type so that each can grow apart. */
@InputType({ isAbstract: true })
abstract class MatchStepInput {
  @Field(() => UuidScalar) matchId: string;
  @Field(() => String, {
    nullable: true,
    description: 'For the other coordinators and the buyer; up to 2000 characters.',
  })
  note?: string | null;
}

@InputType()
export class EndorseMatchInput extends MatchStepInput {}

@InputType()
export class DismissMatchInput extends MatchStepInput {}

@InputType()
export class InviteFirmToQuoteInput extends MatchStepInput {}

@InputType()
export class HandOverToPartnerClusterInput extends MatchStepInput {}

@InputType()
export class ApproveIntroductionInput extends MatchStepInput {}

@InputType()
export class DeclineInvitationInput {
  @Field(() => UuidScalar) matchId: string;
  @Field({ description: 'Why the firm does not quote, for the coordinators who invited it.' }) reason: string;
}
