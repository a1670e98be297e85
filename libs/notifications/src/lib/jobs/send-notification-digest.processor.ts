import { Inject, Injectable, Optional } from '@nestjs/common';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import { JobName, type JobHandler, type JobPayloads } from '@kooperant/platform-queue';
import { MAILER, type Mailer } from '../email/mailer';
import { DIGEST_UNSUBSCRIBE, unsubscribeLink } from '../email/unsubscribe-token';
import { composeDigestEmail } from '../digest/digest-email';
import { NotificationDigestService } from '../digest/notification-digest.service';

/**
 * Sends one user's daily digest of one local date, in the user's language, with their notifications grouped by kind
 * and dated in their zone. At least once, at most one digest row per user and date (see NotificationDigestService):
 * a repeat after a crash carries the same Message-ID and X-Kooperant-Digest-Id, from the user and the date. Every
 * group has the unsubscribe link of its kind; List-Unsubscribe (one click) stops the digest.
 */
@Injectable()
export class SendNotificationDigestProcessor implements JobHandler<JobName.SendNotificationDigest> {
  readonly jobName = JobName.SendNotificationDigest;

  constructor(
    private readonly digests: NotificationDigestService,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
    @Optional() @Inject(MAILER) private readonly mailer: Mailer | null,
  ) {}

  async handle({ userId, localDate }: JobPayloads[JobName.SendNotificationDigest]) {
    const mailer = this.mailer;
    if (!mailer) return { skipped: 'no SMTP server configured' };
    return this.digests.send(userId, localDate, async (d) => {
      const stopDigest = unsubscribeLink(this.config, userId, DIGEST_UNSUBSCRIBE);
      const mail = composeDigestEmail({
        locale: d.locale,
        timeZone: d.timeZone,
        dueAt: d.dueAt.toISOString(),
        items: d.items,
        unsubscribe: { digest: stopDigest, kind: (kind) => unsubscribeLink(this.config, userId, kind) },
      });
      const id = `digest-${userId}-${localDate}`;
      await mailer.send({
        to: d.email,
        ...mail,
        headers: {
          'X-Kooperant-Digest-Id': id,
          'List-Unsubscribe': `<${stopDigest}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
        messageId: `<${id}@kooperant>`,
      });
    });
  }
}
