import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoModel } from '@kooperant/identity';
import type { EmailMode } from '../email/email-defaults';

/** The e-mail modes as a GraphQL enum (values as stored). */
export enum NotificationEmailMode {
  off = 'off',
  immediately = 'immediately',
  daily_digest = 'daily_digest',
}
registerEnumType(NotificationEmailMode, {
  name: 'NotificationEmailMode',
  description: 'How a kind of notification comes by e-mail: not at all, one e-mail each, or in the daily digest.',
});

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

@ObjectType('NotificationPreference', { description: 'How you get one kind of notification by e-mail.' })
export class NotificationPreferenceModel {
  @Field() kind: string;
  @Field(() => NotificationEmailMode) email: EmailMode;
  @Field({ description: "True while you have not chosen: the kind's default applies." }) byDefault: boolean;
}

@ObjectType('NotificationPreferences', {
  description: 'How you get your notifications by e-mail (in the app you always get them), and when the digest comes.',
})
export class NotificationPreferencesModel {
  @Field(() => Int, { description: 'The hour (0–23) in your own time zone from which the daily digest is sent.' })
  digestHour: number;
  @Field({ description: 'Your time zone, in which the digest hour is meant.' }) timeZone: string;
  @Field(() => [NotificationPreferenceModel], { description: 'Every kind of notification.' })
  kinds: NotificationPreferenceModel[];
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
