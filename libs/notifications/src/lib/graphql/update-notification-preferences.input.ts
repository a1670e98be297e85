import { Field, InputType, Int } from '@nestjs/graphql';
import type { EmailMode } from '../email/email-defaults';
import { NotificationEmailMode } from './notification.model';

@InputType({ description: 'How one kind of notification should come by e-mail.' })
export class NotificationKindPreferenceInput {
  @Field({ description: 'e.g. opportunity.new, message.new.' }) kind: string;
  @Field(() => NotificationEmailMode) email: EmailMode;
}

@InputType({ description: 'What to change; what is left out stays as it is.' })
export class UpdateNotificationPreferencesInput {
  @Field(() => Int, { nullable: true, description: 'The hour (0–23) in your own time zone for the daily digest.' })
  digestHour?: number | null;
  @Field(() => [NotificationKindPreferenceInput], { nullable: true })
  kinds?: NotificationKindPreferenceInput[] | null;
}
