import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class OpenOrdersFilterInput {
  @Field(() => UuidScalar, { nullable: true, description: 'Quote as this firm (one of yours); default: any of yours.' })
  supplierFirmId?: string;
  @Field(() => [String], { nullable: true, description: 'Orders with an open package of these processes.' })
  processCodes?: string[];
}
