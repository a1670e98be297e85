import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class OpenOrdersFilterInput {
  @Field(() => ID, { nullable: true, description: 'Quote as this firm (one of yours); default: any of yours.' })
  supplierFirmId?: string;
  @Field(() => [String], { nullable: true, description: 'Orders with an open package of these processes.' })
  processCodes?: string[];
}
