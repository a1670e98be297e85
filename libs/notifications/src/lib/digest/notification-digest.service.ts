import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Locale } from '@kooperant/platform-i18n';
import { inTransaction, queryRows } from '@kooperant/platform-database';
import { DEFAULT_DIGEST_HOUR, defaultModeParams, effectiveModeSql } from '../email/email-defaults';
import { digestTime, dueDigest, knownZone } from './digest-schedule';
import type { DigestItem } from './digest-email';

/** A digest about to be sent: to whom, in which language and zone, and what it lists. */
export interface DigestToSend {
  userId: string;
  email: string;
  locale: Locale;
  timeZone: string;
  localDate: string;
  dueAt: Date;
  items: (DigestItem & { id: string })[];
}

/**
 * Notifications `n` (joined with their preference `p`) waiting for a digest: in digest mode ($1, $2: the defaults),
 * neither mailed nor read, and at most a week old at $3 (older ones are left to the app). Then `created_at < $4`.
 */
const WAITING = `n.emailed_at IS NULL AND n.read_at IS NULL AND n.created_at > $3::timestamptz - interval '7 days'
  AND n.created_at < $4 AND ${effectiveModeSql('$1', '$2')} = 'daily_digest'`;

/**
 * The daily digest of notifications by e-mail: per user, the notifications of the kinds they get in the digest that
 * came before their digest hour (at most a week back), neither mailed nor read in the app (a notification read
 * in the app before the digest is not mailed: the user has seen it). At most one digest per user and local date.
 */
@Injectable()
export class NotificationDigestService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The users whose digest is due at `now` and not sent yet, with the local date of that digest. */
  async due(now: Date): Promise<{ userId: string; localDate: string }[]> {
    const rows: {
      user_id: string;
      time_zone: string;
      digest_hour: number;
      oldest: Date;
      last_date: string | null;
    }[] = await this.db.query(
      `SELECT n.user_id, u.time_zone, COALESCE(s.digest_hour, $5) AS digest_hour, min(n.created_at) AS oldest,
         (SELECT to_char(max(d.local_date), 'YYYY-MM-DD') FROM notification_digest d WHERE d.user_id = n.user_id)
           AS last_date
       FROM notification n
       JOIN app_user u ON u.id = n.user_id
       LEFT JOIN notification_settings s ON s.user_id = n.user_id
       LEFT JOIN notification_preference p ON p.user_id = n.user_id AND p.kind = n.kind
       WHERE ${WAITING}
       GROUP BY n.user_id, u.time_zone, s.digest_hour`,
      [...defaultModeParams(), now, now, DEFAULT_DIGEST_HOUR],
    );
    return rows.flatMap((r) => {
      const digest = dueDigest(now, knownZone(r.time_zone), r.digest_hour);
      if (!digest || (r.last_date && r.last_date >= digest.localDate)) return [];
      if (new Date(r.oldest).getTime() >= digest.dueAt.getTime()) return [];
      return [{ userId: r.user_id, localDate: digest.localDate }];
    });
  }

  /**
   * Sends the user's digest of `localDate` through `mail`, once. In one transaction: the digest row (unique on user
   * and date) is inserted, the e-mail handed over, the listed notifications marked mailed; the transaction commits
   * only after `mail` succeeded. So a failure or a crash before the commit leaves no trace and the retry sends again
   * (at least once: the e-mail's Message-ID, from user and date, lets receivers drop a repeat), and a second runner
   * of the same digest waits on the unique key until the first commits, then sends nothing.
   */
  async send(
    userId: string,
    localDate: string,
    mail: (digest: DigestToSend) => Promise<void>,
    now = new Date(),
  ): Promise<{ sent: number } | { skipped: string }> {
    const [user]: { email: string; locale: Locale; time_zone: string; digest_hour: number | null }[] =
      await this.db.query(
        `SELECT u.email, u.locale, u.time_zone, s.digest_hour FROM app_user u
         LEFT JOIN notification_settings s ON s.user_id = u.id WHERE u.id = $1`,
        [userId],
      );
    if (!user) return { skipped: 'user gone' };
    const timeZone = knownZone(user.time_zone);
    const dueAt = digestTime(localDate, timeZone, user.digest_hour ?? DEFAULT_DIGEST_HOUR);
    const rows: { id: string; kind: string; title: string; body: string; created_at: Date }[] = await this.db.query(
      `SELECT n.id, n.kind, n.title, n.body, n.created_at FROM notification n
       LEFT JOIN notification_preference p ON p.user_id = n.user_id AND p.kind = n.kind
       WHERE ${WAITING} AND n.user_id = $5 ORDER BY n.created_at, n.id`,
      [...defaultModeParams(), now, dueAt, userId],
    );
    if (!rows.length) {
      const [done] = await this.db.query(`SELECT 1 FROM notification_digest WHERE user_id = $1 AND local_date = $2`, [
        userId,
        localDate,
      ]);
      return { skipped: done ? 'already sent' : 'nothing to send' };
    }
    const items = rows.map((r) => ({ ...r, createdAt: new Date(r.created_at).toISOString() }));
    return inTransaction(this.db, async (m) => {
      const [digest] = await queryRows<{ id: string }>(
        m,
        `INSERT INTO notification_digest (user_id, local_date, notification_count) VALUES ($1, $2, $3)
         ON CONFLICT ON CONSTRAINT notification_digest_user_date_key DO NOTHING RETURNING id`,
        [userId, localDate, items.length],
      );
      if (!digest) return { skipped: 'already sent' };
      await mail({ userId, email: user.email, locale: user.locale, timeZone, localDate, dueAt, items });
      await m.query(
        `UPDATE notification SET emailed_at = now(), digest_id = $2 WHERE id = ANY($1::uuid[]) AND emailed_at IS NULL`,
        [items.map((i) => i.id), digest.id],
      );
      return { sent: items.length };
    });
  }
}
