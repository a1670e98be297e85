import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import type { Locale } from '@kooperant/platform-i18n';
import { JobName, type JobHandler, type JobPayloads } from '@kooperant/platform-queue';
import type { NotificationKind } from '../kinds';
import { EMAIL_MODE_BY_DEFAULT, type EmailMode } from '../email/email-defaults';
import { EMAIL_FOOTER } from '../email/email-footer';
import { escapeHtml } from '../email/html';
import { MAILER, type Mailer } from '../email/mailer';
import { unsubscribeLink } from '../email/unsubscribe-token';

/**
 * E-mails one notification to its user, in the language it was written in, when the user wants this kind by e-mail
 * immediately (their choice, else the kind's default); kinds in the daily digest or off are left alone here. At
 * least once: the message carries the notification id (Message-ID and X-Kooperant-Notification-Id) so that a
 * receiver can drop a repeat, and `emailed_at` stops a retry after success. Every e-mail has an unsubscribe link for
 * its kind (also as List-Unsubscribe, one click).
 */
@Injectable()
export class SendNotificationEmailProcessor implements JobHandler<JobName.SendNotificationEmail> {
  readonly jobName = JobName.SendNotificationEmail;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
    @Optional() @Inject(MAILER) private readonly mailer: Mailer | null,
  ) {}

  async handle({ notificationId }: JobPayloads[JobName.SendNotificationEmail]) {
    if (!this.mailer) return { skipped: 'no SMTP server configured' };
    const [n] = await this.db.query(
      `SELECT n.id, n.kind, n.title, n.body, n.locale, n.emailed_at, n.user_id, u.email, p.email_mode AS mode
       FROM notification n JOIN app_user u ON u.id = n.user_id
       LEFT JOIN notification_preference p ON p.user_id = n.user_id AND p.kind = n.kind
       WHERE n.id = $1`,
      [notificationId],
    );
    if (!n) return { skipped: 'notification gone' };
    if (n.emailed_at) return { skipped: 'already sent' };
    const mode: EmailMode = n.mode ?? EMAIL_MODE_BY_DEFAULT[n.kind as NotificationKind] ?? 'off';
    if (mode === 'daily_digest') return { skipped: 'in the daily digest' };
    if (mode !== 'immediately') return { skipped: 'not wanted by e-mail' };
    const link = unsubscribeLink(this.config, n.user_id, n.kind);
    const footer = EMAIL_FOOTER[n.locale as Locale] ?? EMAIL_FOOTER.en;
    await this.mailer.send({
      to: n.email,
      subject: n.title,
      text: `${n.body}\n\n--\n${footer.why}\n${footer.stop}: ${link}\n`,
      html:
        `<!doctype html><html lang="${n.locale}"><body><p>${escapeHtml(n.body)}</p><hr>` +
        `<p style="font-size:small">${escapeHtml(footer.why)}<br><a href="${escapeHtml(link)}">${escapeHtml(footer.stop)}</a></p>` +
        `</body></html>`,
      headers: {
        'X-Kooperant-Notification-Id': n.id,
        'List-Unsubscribe': `<${link}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      messageId: `<${n.id}@kooperant>`,
    });
    await this.db.query(`UPDATE notification SET emailed_at = now() WHERE id = $1 AND emailed_at IS NULL`, [n.id]);
    return { sent: n.email };
  }
}
