import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { CurrencyCode } from '@kooperant/catalogue';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class QuoteLegInput {
  @Field(() => UuidScalar) packageId: string;
  @Field(() => UuidScalar, {
    nullable: true,
    description: 'The firm doing this step; default the quoting firm (a joint quote names partners).',
  })
  firmId?: string;
  @Field(() => Float, { description: 'Integer minor units.' }) priceMinor: number;
  @Field(() => CurrencyCode) currency: CurrencyCode;
  @Field(() => Int) leadTimeDays: number;
  @Field({ nullable: true }) notes?: string;
}
