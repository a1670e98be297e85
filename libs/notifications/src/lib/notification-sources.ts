import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { pickText, type Locale } from '@kooperant/platform-i18n';
import type { RelayedEvent } from '@kooperant/platform-queue';
import { KIND_OF_EVENT, type NotificationKind, type NotificationParams } from './kinds';
import type { NotificationLinks } from './store/notification.entity';

export interface Recipient {
  userId: string;
  locale: Locale;
  timeZone: string;
}

/** Who must hear of an event, what the texts say, and what the notification links to. */
export interface Resolved<K extends NotificationKind = NotificationKind> {
  kind: K;
  recipients: Recipient[];
  params: NotificationParams[K];
  links: NotificationLinks;
  /** The firms concerned, whose members are told: their webhook endpoints get it too. None for coordinators' news. */
  firms: string[];
}

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const iso = (v: unknown) => new Date(v as string).toISOString();
/** The start of a message or comment on one line, up to 140 characters. */
const preview = (v: unknown) => {
  const t = str(v).replace(/\s+/g, ' ').trim();
  return t.length > 140 ? `${t.slice(0, 139)}…` : t;
};

/**
 * Resolves each event that concerns people into its recipients (members of the firms concerned, the buyer, the
 * coordinators of the clusters involved; never the person who caused it) and the facts its texts need, read from the
 * database when the event is handled. Returns null for events nobody needs to hear of, or whose subject is gone.
 */
@Injectable()
export class NotificationSources {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * What an event gives: usually one notification kind for a set of recipients; a `match.proposed` event (one per
   * matching run) gives one per firm proposed. Nobody is told twice of one event: a person in several of the
   * firms concerned hears of the first (best-ranked) only.
   */
  async resolve(e: RelayedEvent): Promise<Resolved[]> {
    const kind = KIND_OF_EVENT[e.type];
    if (!kind) return [];
    const p = e.payload as Record<string, string>;
    const all = kind === 'opportunity.new' ? await this.opportunities(e) : [await this.build(kind, e, p)];
    const told = new Set<string>(e.actorUserId ? [e.actorUserId] : []);
    const out: Resolved[] = [];
    for (const r of all) {
      if (!r) continue;
      r.recipients = r.recipients.filter((x) => !told.has(x.userId) && told.add(x.userId));
      if (r.recipients.length || r.firms.length) out.push(r);
    }
    return out;
  }

  /** One notification per firm of a matching run's new proposals: its best-ranked package, and how many more. */
  private async opportunities(e: RelayedEvent): Promise<Resolved[]> {
    const proposals = ((e.payload['proposals'] as { packageId: string; firmId: string; rank: number | null }[]) ?? [])
      .slice()
      .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
    const byFirm = new Map<string, string[]>();
    for (const x of proposals) byFirm.set(x.firmId, [...(byFirm.get(x.firmId) ?? []), x.packageId]);
    const orderId = e.payload['orderId'] as string;
    const firms = [...byFirm.keys()];
    // Three queries whatever the number of firms: a first matching run proposes dozens.
    const facts: Row[] = await this.db.query(
      `SELECT x.firm_id, f.name AS firm_name, w.title AS package_title, w.due_date, o.title AS order_title,
              b.name AS buyer_name
       FROM unnest($2::uuid[], $3::uuid[]) AS x(firm_id, package_id)
       JOIN firm f ON f.id = x.firm_id
       JOIN work_package w ON w.id = x.package_id AND w.order_id = $1
       JOIN cooperative_order o ON o.id = w.order_id
       JOIN firm b ON b.id = o.buyer_firm_id`,
      [orderId, firms, firms.map((f) => (byFirm.get(f) as string[])[0])],
    );
    const members = await this.membersByFirm(firms);
    return facts.map((m) => {
      const firmId = m['firm_id'] as string;
      const packageIds = byFirm.get(firmId) as string[];
      return {
        kind: 'opportunity.new' as const,
        recipients: members.get(firmId) ?? [],
        firms: [firmId],
        params: {
          firmName: str(m['firm_name']),
          orderTitle: str(m['order_title']),
          packageTitle: str(m['package_title']),
          buyerName: str(m['buyer_name']),
          dueDate: iso(m['due_date']),
          otherPackages: packageIds.length - 1,
        },
        links: { orderId, packageId: packageIds[0], firmId },
      };
    });
  }

  private async build(kind: NotificationKind, e: RelayedEvent, p: Record<string, string>): Promise<Resolved | null> {
    switch (kind) {
      case 'opportunity.new':
        return null; // see opportunities()
      case 'invitation.received':
      case 'award.won': {
        const m = await this.matchFacts(p['orderId'], p['packageId'], p['firmId']);
        if (!m) return null;
        const base = {
          firmName: str(m['firm_name']),
          orderTitle: str(m['order_title']),
          packageTitle: str(m['package_title']),
          buyerName: str(m['buyer_name']),
        };
        const params = kind === 'invitation.received' ? { ...base, quoteDeadline: iso(m['quote_deadline']) } : base;
        return {
          kind,
          ...(await this.forFirms([p['firmId']])),
          params: params as never,
          links: { orderId: p['orderId'], packageId: p['packageId'], matchId: p['matchId'], firmId: p['firmId'] },
        };
      }
      case 'introduction.requested':
      case 'introduction.approved':
      case 'opportunity.handed-over': {
        const m = await this.matchFacts(p['orderId'], p['packageId'], p['firmId']);
        if (!m) return null;
        const acting = await this.clusterName(p['clusterId']);
        const base = {
          firmName: str(m['firm_name']),
          orderTitle: str(m['order_title']),
          packageTitle: str(m['package_title']),
        };
        const clusters =
          kind === 'opportunity.handed-over'
            ? [p['handledByClusterId']]
            : [p['orderClusterId'], p['firmClusterId']].filter((c) => c && c !== p['clusterId']);
        const params =
          kind === 'introduction.requested'
            ? { ...base, requestedByCluster: acting }
            : kind === 'introduction.approved'
              ? { ...base, approvedByCluster: acting }
              : { ...base, fromCluster: acting };
        return {
          kind,
          recipients: await this.coordinators(clusters),
          firms: [],
          params: params as never,
          links: { orderId: p['orderId'], packageId: p['packageId'], matchId: p['matchId'], firmId: p['firmId'] },
        };
      }
      case 'quote.received':
      case 'quote.revised':
      case 'quote.withdrawn': {
        const [q] = await this.db.query(
          `SELECT q.current_version, f.name AS supplier_name, o.title AS order_title, o.buyer_firm_id, o.currency,
                  (SELECT count(*) FROM quote_leg l WHERE l.quote_id = q.id AND l.version = q.current_version)::int AS packages,
                  (SELECT sum(l.price_minor) FROM quote_leg l WHERE l.quote_id = q.id AND l.version = q.current_version
                     AND l.currency = o.currency) AS total_minor,
                  (SELECT min(l.currency) FROM quote_leg l WHERE l.quote_id = q.id AND l.version = q.current_version) AS leg_currency
           FROM quote q JOIN cooperative_order o ON o.id = q.order_id JOIN firm f ON f.id = q.lead_firm_id
           WHERE q.id = $1`,
          [p['quoteId']],
        );
        if (!q) return null;
        const base = { supplierName: str(q.supplier_name), orderTitle: str(q.order_title) };
        const total = q.total_minor === null ? null : Number(q.total_minor);
        const params =
          kind === 'quote.received'
            ? {
                ...base,
                packages: q.packages as number,
                // Legs in another currency than the order's are shown in theirs (the comparison converts them).
                totalMinor: total ?? 0,
                currency: total === null ? str(q.leg_currency).trim() : str(q.currency).trim(),
              }
            : kind === 'quote.revised'
              ? { ...base, version: q.current_version as number }
              : base;
        if (kind === 'quote.received' && total === null) {
          const [sum] = await this.db.query(
            `SELECT sum(l.price_minor) AS s FROM quote q JOIN quote_leg l ON l.quote_id = q.id AND l.version = q.current_version
             WHERE q.id = $1`,
            [p['quoteId']],
          );
          (params as { totalMinor: number }).totalMinor = Number(sum?.s ?? 0);
        }
        return {
          kind,
          ...(await this.forFirms([q.buyer_firm_id])),
          params: params as never,
          links: { orderId: p['orderId'], quoteId: p['quoteId'] },
        };
      }
      case 'award.lost': {
        const m = await this.matchFacts(p['orderId'], p['packageId'], p['leadFirmId']);
        if (!m) return null;
        return {
          kind,
          ...(await this.forFirms([p['leadFirmId']])),
          params: {
            firmName: str(m['firm_name']),
            orderTitle: str(m['order_title']),
            packageTitle: str(m['package_title']),
          },
          links: { orderId: p['orderId'], packageId: p['packageId'], quoteId: p['quoteId'] },
        };
      }
      case 'package.handed-over': {
        const m = await this.matchFacts(p['orderId'], p['packageId'], p['firmId']);
        if (!m) return null;
        // The buyer, and the firms awarded the steps that follow this one.
        const next: { awarded_firm_id: string }[] = await this.db.query(
          `SELECT w.awarded_firm_id FROM work_package_dependency d JOIN work_package w ON w.id = d.package_id
           WHERE d.predecessor_id = $1 AND w.awarded_firm_id IS NOT NULL`,
          [p['packageId']],
        );
        return {
          kind,
          ...(await this.forFirms([str(m['buyer_firm_id']), ...next.map((n) => n.awarded_firm_id)])),
          params: {
            fromFirmName: str(m['firm_name']),
            orderTitle: str(m['order_title']),
            packageTitle: str(m['package_title']),
            onTime: String(p['onTime']) === 'true',
          },
          links: { orderId: p['orderId'], packageId: p['packageId'] },
        };
      }
      case 'order.cancelled':
      case 'order.completed': {
        const [o] = await this.db.query(
          `SELECT o.title, o.cancel_reason, f.name AS buyer_name, (SELECT count(*) FROM work_package w WHERE w.order_id = o.id)::int AS packages
           FROM cooperative_order o JOIN firm f ON f.id = o.buyer_firm_id WHERE o.id = $1`,
          [p['orderId']],
        );
        if (!o) return null;
        const firms: { firm_id: string }[] = await this.db.query(
          kind === 'order.cancelled'
            ? `SELECT q.lead_firm_id AS firm_id FROM quote q WHERE q.order_id = $1
               UNION SELECT l.firm_id FROM quote q JOIN quote_leg l ON l.quote_id = q.id WHERE q.order_id = $1
               UNION SELECT i.firm_id FROM order_invitation i WHERE i.order_id = $1`
            : `SELECT DISTINCT awarded_firm_id AS firm_id FROM work_package WHERE order_id = $1 AND awarded_firm_id IS NOT NULL`,
          [p['orderId']],
        );
        const base = { orderTitle: str(o.title), buyerName: str(o.buyer_name) };
        return {
          kind,
          ...(await this.forFirms(firms.map((f) => f.firm_id))),
          params: (kind === 'order.cancelled'
            ? { ...base, reason: str(o.cancel_reason) }
            : { ...base, packages: o.packages as number }) as never,
          links: { orderId: p['orderId'] },
        };
      }
      case 'message.new': {
        const [msg] = await this.db.query(
          `SELECT m.body, m.quote_id, u.display_name, o.title, o.buyer_firm_id
           FROM message m JOIN app_user u ON u.id = m.author_user_id JOIN cooperative_order o ON o.id = m.order_id
           WHERE m.id = $1`,
          [p['messageId']],
        );
        if (!msg) return null;
        // The parties of the thread: the buyer and the quote's firms, or every quoting firm for the order's thread.
        const parties: { firm_id: string }[] = await this.db.query(
          msg.quote_id
            ? `SELECT q.lead_firm_id AS firm_id FROM quote q WHERE q.id = $1
               UNION SELECT l.firm_id FROM quote q JOIN quote_leg l ON l.quote_id = q.id AND l.version = q.current_version WHERE q.id = $1`
            : `SELECT q.lead_firm_id AS firm_id FROM quote q WHERE q.order_id = $1
               UNION SELECT l.firm_id FROM quote q JOIN quote_leg l ON l.quote_id = q.id AND l.version = q.current_version WHERE q.order_id = $1`,
          [msg.quote_id ?? p['orderId']],
        );
        return {
          kind,
          ...(await this.forFirms([msg.buyer_firm_id, ...parties.map((x) => x.firm_id)])),
          params: {
            authorName: str(msg.display_name),
            orderTitle: str(msg.title),
            preview: preview(msg.body),
          },
          links: { orderId: p['orderId'], quoteId: msg.quote_id ?? undefined },
        };
      }
      case 'offer.expiring': {
        const [o] = await this.db.query(`SELECT title, valid_until FROM offer WHERE id = $1`, [p['offerId']]);
        if (!o) return null;
        const until = new Date(o.valid_until as string);
        return {
          kind,
          ...(await this.forFirms([p['firmId']])),
          params: {
            offerTitle: str(o.title),
            validUntil: until.toISOString(),
            daysLeft: Math.max(0, Math.ceil((until.getTime() - new Date(e.createdAt).getTime()) / 86_400_000)),
          },
          links: { offerId: p['offerId'], firmId: p['firmId'] },
        };
      }
      case 'webhook.disabled':
        return this.webhookDisabled(p);
      case 'exchange.posted':
      case 'exchange.commented':
        return this.exchangePost(kind, p);
      case 'order.forwarded':
      case 'offer.forwarded':
        return this.forwarded(kind, e.payload);
      case 'firm.verified':
      case 'membership.requested': {
        const [f] = await this.db.query(`SELECT name, country FROM firm WHERE id = $1`, [p['firmId']]);
        if (!f) return null;
        const clusterName = await this.clusterName(p['clusterId']);
        return {
          kind,
          ...(kind === 'firm.verified'
            ? await this.forFirms([p['firmId']])
            : { recipients: await this.coordinators([p['clusterId']]), firms: [] }),
          params: (kind === 'firm.verified'
            ? { firmName: str(f.name), clusterName }
            : { firmName: str(f.name), clusterName, country: str(f.country).trim() }) as never,
          links: { firmId: p['firmId'], clusterId: p['clusterId'] },
        };
      }
    }
  }

  /** The firm's admins (who manage its endpoints; every member when it has none), told that an endpoint stopped. */
  private async webhookDisabled(p: Record<string, string>): Promise<Resolved | null> {
    const [w] = await this.db.query(
      `SELECT w.url, f.name FROM webhook_endpoint w JOIN firm f ON f.id = w.firm_id WHERE w.id = $1`,
      [p['endpointId']],
    );
    if (!w) return null;
    const recipients = await this.users(
      `SELECT u.id, u.locale, u.time_zone FROM firm_member fm JOIN app_user u ON u.id = fm.user_id
       WHERE fm.firm_id = $1 AND (fm.role = 'admin' OR NOT EXISTS
         (SELECT 1 FROM firm_member a WHERE a.firm_id = fm.firm_id AND a.role = 'admin'))`,
      p['firmId'],
    );
    return {
      kind: 'webhook.disabled',
      recipients,
      params: { firmName: str(w.name), url: str(w.url), failures: Number(p['failures']) },
      links: { firmId: p['firmId'] },
      // Not sent to the firm's webhooks: they are what stopped working.
      firms: [],
    };
  }

  /**
   * A post in the coordinators' exchange: the coordinators of its cluster and of the partner cluster hear of it; a
   * comment: the post's author and those who commented before.
   */
  private async exchangePost(kind: 'exchange.posted' | 'exchange.commented', p: Record<string, string>) {
    const [post] = await this.db.query(
      `SELECT x.title, x.cluster_id, x.author_user_id, c.partner_cluster_id, u.display_name
       FROM exchange_post x JOIN cluster c ON c.id = x.cluster_id JOIN app_user u ON u.id = x.author_user_id
       WHERE x.id = $1`,
      [p['postId']],
    );
    if (!post) return null;
    if (kind === 'exchange.posted') {
      return {
        kind,
        recipients: await this.coordinators([post.cluster_id, post.partner_cluster_id]),
        params: {
          authorName: str(post.display_name),
          clusterName: await this.clusterName(post.cluster_id),
          title: str(post.title),
        },
        links: { clusterId: post.cluster_id },
        firms: [],
      } satisfies Resolved<'exchange.posted'>;
    }
    const [comment] = await this.db.query(
      `SELECT c.body, u.display_name FROM exchange_comment c JOIN app_user u ON u.id = c.author_user_id WHERE c.id = $1`,
      [p['commentId']],
    );
    if (!comment) return null;
    return {
      kind,
      recipients: await this.users(
        `SELECT u.id, u.locale, u.time_zone FROM app_user u WHERE u.id IN (
           SELECT author_user_id FROM exchange_post WHERE id = $1
           UNION SELECT author_user_id FROM exchange_comment WHERE post_id = $1)`,
        p['postId'],
      ),
      params: {
        authorName: str(comment.display_name),
        postTitle: str(post.title),
        preview: preview(comment.body),
      },
      links: { clusterId: post.cluster_id },
      firms: [],
    } satisfies Resolved<'exchange.commented'>;
  }

  /** An order or offer forwarded by the partner cluster's coordinators: the firms it went to hear of it. */
  private async forwarded(kind: 'order.forwarded' | 'offer.forwarded', payload: Record<string, unknown>) {
    const firmIds = (payload['firmIds'] as string[]) ?? [];
    const [post] = await this.db.query(`SELECT body FROM exchange_post WHERE id = $1`, [payload['postId']]);
    const fromCluster = await this.clusterName(payload['fromClusterId'] as string);
    const note = str(post?.body);
    if (kind === 'order.forwarded') {
      const [o] = await this.db.query(
        `SELECT o.title, o.quote_deadline, b.name FROM cooperative_order o JOIN firm b ON b.id = o.buyer_firm_id
         WHERE o.id = $1`,
        [payload['orderId']],
      );
      if (!o) return null;
      return {
        kind,
        ...(await this.forFirms(firmIds)),
        params: {
          orderTitle: str(o.title),
          buyerName: str(o.name),
          fromCluster,
          quoteDeadline: iso(o.quote_deadline),
          note,
        },
        links: { orderId: payload['orderId'] as string },
      } satisfies Resolved<'order.forwarded'>;
    }
    const [o] = await this.db.query(
      `SELECT o.title, o.firm_id, f.name FROM offer o JOIN firm f ON f.id = o.firm_id WHERE o.id = $1`,
      [payload['offerId']],
    );
    if (!o) return null;
    return {
      kind,
      ...(await this.forFirms(firmIds)),
      params: { offerTitle: str(o.title), supplierName: str(o.name), fromCluster, note },
      links: { offerId: payload['offerId'] as string, firmId: o.firm_id as string },
    } satisfies Resolved<'offer.forwarded'>;
  }

  private async matchFacts(orderId: string, packageId: string, firmId: string): Promise<Row | null> {
    const [row] = await this.db.query(
      `SELECT f.name AS firm_name, o.title AS order_title, w.title AS package_title, b.name AS buyer_name,
              w.due_date, o.quote_deadline, o.buyer_firm_id
       FROM cooperative_order o JOIN work_package w ON w.order_id = o.id AND w.id = $2
       JOIN firm b ON b.id = o.buyer_firm_id JOIN firm f ON f.id = $3
       WHERE o.id = $1`,
      [orderId, packageId, firmId],
    );
    return row ?? null;
  }

  /** A cluster's name in English (the texts name clusters in their own words where the language has them). */
  private async clusterName(clusterId: string | undefined): Promise<string> {
    if (!clusterId) return '';
    const [c] = await this.db.query(`SELECT name FROM cluster WHERE id = $1`, [clusterId]);
    return c ? (pickText(c.name, 'en') ?? '') : '';
  }

  /** The firms concerned and their members (each person once). */
  private async forFirms(firmIds: (string | undefined | null)[]): Promise<Pick<Resolved, 'recipients' | 'firms'>> {
    const firms = [...new Set(firmIds.filter((x): x is string => !!x))];
    return { recipients: await this.firmMembers(firms), firms };
  }

  /** The members of the firms, each person once. */
  private async firmMembers(firmIds: (string | undefined | null)[]): Promise<Recipient[]> {
    const ids = [...new Set(firmIds.filter((x): x is string => !!x))];
    const people = new Map<string, Recipient>();
    for (const members of (await this.membersByFirm(ids)).values()) for (const m of members) people.set(m.userId, m);
    return [...people.values()];
  }

  private async membersByFirm(firmIds: string[]): Promise<Map<string, Recipient[]>> {
    const out = new Map<string, Recipient[]>();
    if (!firmIds.length) return out;
    const rows: { firm_id: string; id: string; locale: Locale; time_zone: string }[] = await this.db.query(
      `SELECT fm.firm_id, u.id, u.locale, u.time_zone FROM firm_member fm JOIN app_user u ON u.id = fm.user_id
       WHERE fm.firm_id = ANY($1::uuid[])`,
      [firmIds],
    );
    for (const r of rows) {
      out.set(r.firm_id, [...(out.get(r.firm_id) ?? []), { userId: r.id, locale: r.locale, timeZone: r.time_zone }]);
    }
    return out;
  }

  private async coordinators(clusterIds: (string | undefined | null)[]): Promise<Recipient[]> {
    const ids = [...new Set(clusterIds.filter((x): x is string => !!x))];
    if (!ids.length) return [];
    return this.users(
      `SELECT DISTINCT u.id, u.locale, u.time_zone FROM cluster_coordinator cc JOIN app_user u ON u.id = cc.user_id
       WHERE cc.cluster_id = ANY($1::uuid[])`,
      ids,
    );
  }

  private async users(sql: string, param: string[] | string): Promise<Recipient[]> {
    const rows: { id: string; locale: Locale; time_zone: string }[] = await this.db.query(sql, [param]);
    return rows.map((r) => ({ userId: r.id, locale: r.locale, timeZone: r.time_zone }));
  }
}
