import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('OkPayload')
export class OkPayloadModel {
  @Field() ok: boolean;
}
