import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import type { Locale } from '@kooperant/platform-i18n';
import { inTransaction } from '@kooperant/platform-database';
import { ProblemCollector } from '@kooperant/platform-errors';
import type { Actor } from '@kooperant/identity';
import { NOTIFICATION_KINDS, type NotificationKind } from '../kinds';
import {
  DEFAULT_DIGEST_HOUR,
  defaultModeParams,
  EMAIL_MODE_BY_DEFAULT,
  EMAIL_MODES,
  effectiveModeSql,
  isEmailMode,
  type EmailMode,
} from '../email/email-defaults';
import { DIGEST_UNSUBSCRIBE, readUnsubscribeToken } from '../email/unsubscribe-token';

export interface KindPreference {
  kind: NotificationKind;
  email: EmailMode;
  /** True while the user has not chosen for this kind: its default applies. */
  byDefault: boolean;
}

export interface NotificationPreferencesView {
  /** The local hour (0–23) of the daily digest, in `timeZone`, the user's own zone. */
  digestHour: number;
  timeZone: string;
  kinds: KindPreference[];
}

/** A change of preferences: what is left out stays as it is. */
export interface NotificationPreferencesChange {
  digestHour?: number | null;
  kinds?: { kind: string; email: string }[] | null;
}

const isKind = (k: string): k is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(k);

/**
 * How each user wants to hear of each kind by e-mail (off, immediately, in the daily digest; in the app always), and
 * at what local hour the digest comes. Without a choice the kind's default applies (EMAIL_MODE_BY_DEFAULT), and the
 * digest comes at 08:00 in the user's own time zone.
 */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
  ) {}

  async preferences(actor: Actor): Promise<NotificationPreferencesView> {
    const [me]: { time_zone: string; digest_hour: number | null }[] = await this.db.query(
      `SELECT u.time_zone, s.digest_hour FROM app_user u
       LEFT JOIN notification_settings s ON s.user_id = u.id WHERE u.id = $1`,
      [actor.userId],
    );
    const rows: { kind: string; email_mode: EmailMode }[] = await this.db.query(
      `SELECT kind, email_mode FROM notification_preference WHERE user_id = $1`,
      [actor.userId],
    );
    const mine = new Map(rows.map((r) => [r.kind, r.email_mode]));
    return {
      digestHour: me?.digest_hour ?? DEFAULT_DIGEST_HOUR,
      timeZone: me?.time_zone ?? 'UTC',
      kinds: NOTIFICATION_KINDS.map((kind) => ({
        kind,
        email: mine.get(kind) ?? EMAIL_MODE_BY_DEFAULT[kind],
        byDefault: !mine.has(kind),
      })),
    };
  }

  /** Changes the digest hour and the modes of the kinds given, all or nothing; every mistake is reported at once. */
  async update(actor: Actor, change: NotificationPreferencesChange): Promise<NotificationPreferencesView> {
    const problems = new ProblemCollector();
    const hour = change.digestHour;
    if (hour !== undefined && hour !== null && !(Number.isInteger(hour) && hour >= 0 && hour <= 23)) {
      problems.add('digestHour', 'OUT_OF_RANGE', 'The digest hour is a whole hour from 0 to 23.');
    }
    const seen = new Set<string>();
    (change.kinds ?? []).forEach(({ kind, email }, i) => {
      if (!isKind(kind)) problems.add(`kinds[${i}].kind`, 'UNKNOWN_KIND', `Unknown notification kind "${kind}".`);
      else if (seen.has(kind)) problems.add(`kinds[${i}].kind`, 'DUPLICATE', `"${kind}" is given twice.`);
      seen.add(kind);
      if (!isEmailMode(email)) {
        problems.add(`kinds[${i}].email`, 'UNKNOWN_MODE', `The e-mail mode is one of ${EMAIL_MODES.join(', ')}.`);
      }
    });
    problems.throwIfAny();
    const kinds = change.kinds ?? [];
    await inTransaction(this.db, async (m) => {
      if (kinds.length) {
        await m.query(
          `INSERT INTO notification_preference (user_id, kind, email_mode, updated_at)
           SELECT $1, t.kind, t.mode, now() FROM unnest($2::text[], $3::text[]) AS t(kind, mode)
           ON CONFLICT (user_id, kind) DO UPDATE SET email_mode = excluded.email_mode, updated_at = now()`,
          [actor.userId, kinds.map((k) => k.kind), kinds.map((k) => k.email)],
        );
      }
      if (hour !== undefined && hour !== null) {
        await m.query(
          `INSERT INTO notification_settings (user_id, digest_hour, updated_at) VALUES ($1, $2, now())
           ON CONFLICT (user_id) DO UPDATE SET digest_hour = excluded.digest_hour, updated_at = now()`,
          [actor.userId, hour],
        );
      }
    });
    return this.preferences(actor);
  }

  /**
   * Follows an unsubscribe link: a kind's link turns e-mail off for that kind; the digest's link turns off every kind
   * that now goes to the digest. Returns the user's language and what stopped, or null for a token that is not valid
   * (forged, or for a user gone).
   */
  async unsubscribe(token: string): Promise<{ locale: Locale; stopped: string } | null> {
    const who = readUnsubscribeToken(this.config.auth.jwtSecret, token);
    if (!who || !(isKind(who.kind) || who.kind === DIGEST_UNSUBSCRIBE)) return null;
    const [user] = await this.db.query(`SELECT locale FROM app_user WHERE id = $1`, [who.userId]);
    if (!user) return null;
    const kinds = isKind(who.kind) ? [who.kind] : await this.kindsInDigest(who.userId);
    await this.db.query(
      `INSERT INTO notification_preference (user_id, kind, email_mode, updated_at)
       SELECT $1, k, 'off', now() FROM unnest($2::text[]) AS k
       ON CONFLICT (user_id, kind) DO UPDATE SET email_mode = 'off', updated_at = now()`,
      [who.userId, kinds],
    );
    return { locale: user.locale as Locale, stopped: who.kind };
  }

  private async kindsInDigest(userId: string): Promise<string[]> {
    const rows: { kind: string }[] = await this.db.query(
      `SELECT n.kind FROM unnest($2::text[]) AS n(kind)
       LEFT JOIN notification_preference p ON p.user_id = $1 AND p.kind = n.kind
       WHERE ${effectiveModeSql('$2', '$3')} = 'daily_digest'`,
      [userId, ...defaultModeParams()],
    );
    return rows.map((r) => r.kind);
  }
}
