import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@kooperant/identity';

@ObjectType('NotificationLinks', { description: 'What a notification is about, to open it.' })
export class NotificationLinksModel {
  @Field(() => ID, { nullable: true }) orderId?: string;
  @Field(() => ID, { nullable: true }) packageId?: string;
  @Field(() => ID, { nullable: true }) quoteId?: string;
  @Field(() => ID, { nullable: true }) matchId?: string;
  @Field(() => ID, { nullable: true }) offerId?: string;
  @Field(() => ID, { nullable: true }) firmId?: string;
  @Field(() => ID, { nullable: true }) clusterId?: string;
}

@ObjectType('Notification', { description: 'Something that concerns you, in your language.' })
export class NotificationModel {
  @Field(() => ID) id: string;
  @Field({ description: 'e.g. invitation.received, quote.received, award.won.' }) kind: string;
  @Field() title: string;
  @Field() body: string;
  @Field(() => NotificationLinksModel) links: NotificationLinksModel;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
}

@ObjectType('NotificationPreference', { description: 'Whether you get one kind of notification by e-mail.' })
export class NotificationPreferenceModel {
  @Field() kind: string;
  @Field() email: boolean;
  @Field({ description: "True while you have not chosen: the kind's default applies." }) byDefault: boolean;
}

@ObjectType('NotificationEdge')
export class NotificationEdgeModel {
  @Field() cursor: string;
  @Field(() => NotificationModel) node: NotificationModel;
}

@ObjectType('NotificationConnection')
export class NotificationConnectionModel {
  @Field(() => [NotificationEdgeModel]) edges: NotificationEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}
