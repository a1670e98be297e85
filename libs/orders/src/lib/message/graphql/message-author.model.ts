import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('MessageAuthor', { description: 'The person who wrote a message.' })
export class MessageAuthorModel {
  @Field(() => ID) id: string;
  @Field() displayName: string;
}
