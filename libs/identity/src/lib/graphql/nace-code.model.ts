import { Field, ObjectType } from '@nestjs/graphql';
import { NaceRevision } from './enums';

@ObjectType('NaceCode')
export class NaceCodeModel {
  @Field() code: string;
  @Field(() => NaceRevision) revision: NaceRevision;
}
