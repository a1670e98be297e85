import { Field, InputType } from '@nestjs/graphql';
import { NaceRevision } from './enums';

@InputType()
export class NaceCodeInput {
  @Field() code: string;
  @Field(() => NaceRevision) revision: NaceRevision;
}
