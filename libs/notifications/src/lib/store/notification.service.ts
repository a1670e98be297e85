import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { queryRows } from '@kooperant/platform-database';
import { DomainError } from '@kooperant/platform-errors';
import type { RelayedEvent } from '@kooperant/platform-queue';
import type { Actor } from '@kooperant/identity';
import { NotificationSources, type Resolved } from '../notification-sources';
import { render } from '../templates/render';
import type { NotificationLinks } from './notification.entity';

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  links: NotificationLinks;
  createdAt: Date;
  readAt: Date | null;
}

/** A stored notification with its user, and whether this run made it. */
export interface StoredNotification extends NotificationView {
  userId: string;
  isNew: boolean;
  emailed: boolean;
}

export interface NotificationPage {
  items: NotificationView[];
  hasNextPage: boolean;
}

interface Row {
  id: string;
  kind: string;
  title: string;
  body: string;
  links: NotificationLinks;
  created_at: string;
  read_at: string | null;
}

const toView = (r: Row): NotificationView => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  links: r.links,
  createdAt: new Date(r.created_at),
  readAt: r.read_at ? new Date(r.read_at) : null,
});

const COLUMNS = `id, kind, title, body, links, created_at, read_at`;

/**
 * In-app notifications: written from events (one per user, event and kind, so a replay never shows twice),
 * listed newest first, counted while unread, marked read one by one or all at once. Only the user's own.
 */
@Injectable()
export class NotificationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: NotificationSources,
  ) {}

  /** Stores the notifications an event gives; returns those new (a replay returns none). */
  async fromEvent(e: RelayedEvent): Promise<StoredNotification[]> {
    return (await this.store(e, await this.sources.resolve(e))).filter((n) => n.isNew);
  }

  /**
   * Stores the notifications of an event's resolved recipients, one per user, event and kind; returns every one of
   * them, new or made by an earlier run of the same event (`isNew` false), so that a handler that died after
   * storing them still sends their e-mails when the event is replayed.
   */
  async store(e: RelayedEvent, resolved: Resolved[]): Promise<StoredNotification[]> {
    const rows = resolved.flatMap((r: Resolved) =>
      r.recipients.map((x) => ({
        userId: x.userId,
        locale: x.locale,
        kind: r.kind,
        links: JSON.stringify(r.links),
        ...render(r.kind, r.params as never, x.locale, x.timeZone),
      })),
    );
    if (!rows.length) return [];
    // DO NOTHING on a conflict: the final SELECT sees the table as it was before the statement, so its second half
    // gives the rows an earlier run of the event made (no new row versions for a replay).
    const found = await queryRows<Row & { user_id: string; made: boolean; emailed: boolean }>(
      this.db.manager,
      `WITH t AS (
         SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[])
           AS t(user_id, kind, locale, title, body, links)
       ), made AS (
         INSERT INTO notification (user_id, kind, event_id, locale, title, body, links)
         SELECT t.user_id, t.kind, $1, t.locale, t.title, t.body, t.links FROM t
         ON CONFLICT ON CONSTRAINT notification_user_event_kind_key DO NOTHING
         RETURNING ${COLUMNS}, user_id
       )
       SELECT *, true AS made, false AS emailed FROM made
       UNION ALL
       SELECT n.id, n.kind, n.title, n.body, n.links, n.created_at, n.read_at, n.user_id, false, n.emailed_at IS NOT NULL
       FROM notification n JOIN t ON t.user_id = n.user_id AND t.kind = n.kind
       WHERE n.event_id = $1`,
      [
        e.id,
        rows.map((t) => t.userId),
        rows.map((t) => t.kind),
        rows.map((t) => t.locale),
        rows.map((t) => t.title),
        rows.map((t) => t.body),
        rows.map((t) => t.links),
      ],
    );
    return found.map((r) => ({ ...toView(r), userId: r.user_id, isNew: r.made, emailed: r.emailed }));
  }

  /** The user's notifications newer than one they have (for clients that poll instead of subscribing). */
  async since(userId: string, after: Date): Promise<NotificationView[]> {
    const rows: Row[] = await this.db.query(
      `SELECT ${COLUMNS} FROM notification WHERE user_id = $1 AND created_at > $2 ORDER BY created_at, id`,
      [userId, after],
    );
    return rows.map(toView);
  }

  async list(
    actor: Actor,
    opts: { first: number; after?: { createdAt: string; id: string }; unreadOnly?: boolean },
  ): Promise<NotificationPage> {
    const params: unknown[] = [actor.userId, opts.first + 1];
    let where = `user_id = $1`;
    if (opts.unreadOnly) where += ` AND read_at IS NULL`;
    if (opts.after) {
      where += ` AND (created_at, id) < ($${params.push(opts.after.createdAt)}::timestamptz, $${params.push(opts.after.id)}::uuid)`;
    }
    const rows: Row[] = await this.db.query(
      `SELECT ${COLUMNS} FROM notification WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    return { items: rows.slice(0, opts.first).map(toView), hasNextPage: rows.length > opts.first };
  }

  async unreadCount(actor: Actor): Promise<number> {
    const [r] = await this.db.query(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [actor.userId],
    );
    return r.n as number;
  }

  /** Marks one of the user's notifications read (again: no change); another user's is not found. */
  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const [row] = await queryRows<Row>(
      this.db.manager,
      `UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
      [id, actor.userId],
    );
    if (!row) throw DomainError.notFound('Notification', 'NOTIFICATION_NOT_FOUND');
    return toView(row);
  }

  /** Marks every unread notification of the user read; returns how many. */
  async markAllRead(actor: Actor): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.db.manager,
      `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`,
      [actor.userId],
    );
    return rows.length;
  }
}
