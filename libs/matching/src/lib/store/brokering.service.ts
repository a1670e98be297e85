import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { queryRows, recordEvent } from '@kooperant/platform-database';
import { DomainError } from '@kooperant/platform-errors';
import type { Actor, ActorRoles } from '@kooperant/identity';
import { DEFAULT_WEIGHTS } from '../scoring/score';
import type { MatchAction, MatchStatus } from './package-match.entity';
import { MatchErrorCode } from './match.errors';

/** A match with what deciding who may act on it needs: the order's side and the firm's side. */
export interface MatchContext {
  id: string;
  orderId: string;
  packageId: string;
  firmId: string;
  status: MatchStatus;
  handledByClusterId: string;
  orderClusterId: string;
  /** The partner of the order's cluster, if it has one. */
  partnerClusterId: string | null;
  buyerFirmId: string;
  orderStatus: string;
  packageStatus: string;
  /** The cluster the firm belongs to, as seen from the order: the order's own, else the partner, else any. */
  firmClusterId: string | null;
  orderSideApprovedBy: string | null;
  firmSideApprovedBy: string | null;
}

export interface ClusterMatchingSettings {
  clusterId: string;
  crossBorderWeight: number;
  introductionsNeedApproval: boolean;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** A step of the pipeline taken by a person. */
export interface MatchActionRecord {
  action: MatchAction;
  actorUserId: string;
  clusterId: string | null;
  fromStatus: MatchStatus;
  toStatus: MatchStatus;
  note: string;
  at: Date;
}

const CONTEXT_SQL = `
  SELECT p.id, p.order_id, p.package_id, p.firm_id, p.status, p.handled_by_cluster_id,
         p.order_side_approved_by, p.firm_side_approved_by,
         o.cluster_id AS order_cluster_id, o.buyer_firm_id, o.status AS order_status, w.status AS package_status,
         c.partner_cluster_id,
         ARRAY(SELECT cm.cluster_id FROM cluster_membership cm
               WHERE cm.firm_id = p.firm_id AND cm.status = 'verified' ORDER BY cm.cluster_id) AS firm_clusters
  FROM package_match p
  JOIN cooperative_order o ON o.id = p.order_id
  JOIN work_package w ON w.id = p.package_id
  JOIN cluster c ON c.id = o.cluster_id`;

/** SQL (match `p`): the status people last left the match in, before a quote or an award moved it on. */
const LAST_ACTED_STATUS = `COALESCE((SELECT a.to_status FROM match_action a WHERE a.match_id = p.id
  ORDER BY a.at DESC, a.id DESC LIMIT 1), 'proposed')`;

interface ContextRow {
  id: string;
  order_id: string;
  package_id: string;
  firm_id: string;
  status: MatchStatus;
  handled_by_cluster_id: string;
  order_side_approved_by: string | null;
  firm_side_approved_by: string | null;
  order_cluster_id: string;
  buyer_firm_id: string;
  order_status: string;
  package_status: string;
  partner_cluster_id: string | null;
  firm_clusters: string[];
}

function toContext(r: ContextRow): MatchContext {
  const clusters = r.firm_clusters ?? [];
  const firmClusterId = clusters.includes(r.order_cluster_id)
    ? r.order_cluster_id
    : r.partner_cluster_id && clusters.includes(r.partner_cluster_id)
      ? r.partner_cluster_id
      : (clusters[0] ?? null);
  return {
    id: r.id,
    orderId: r.order_id,
    packageId: r.package_id,
    firmId: r.firm_id,
    status: r.status,
    handledByClusterId: r.handled_by_cluster_id,
    orderClusterId: r.order_cluster_id,
    partnerClusterId: r.partner_cluster_id,
    buyerFirmId: r.buyer_firm_id,
    orderStatus: r.order_status,
    packageStatus: r.package_status,
    firmClusterId,
    orderSideApprovedBy: r.order_side_approved_by,
    firmSideApprovedBy: r.firm_side_approved_by,
  };
}

/** Notes and reasons are kept with the action: a bounded length, named by the field. */
function checkNote(field: string, text: string): void {
  if (text.length > 2000) throw DomainError.invalid(field, 'LENGTH', 'Keep it under 2000 characters.');
}

/** Whether the match introduces a firm of one cluster to an order of another. */
export const crossesClusters = (c: MatchContext): boolean =>
  c.firmClusterId !== null && c.firmClusterId !== c.orderClusterId;

/**
 * The coordinators' pipeline. A match goes proposed → endorsed or dismissed → invited to quote (across clusters,
 * awaiting the other side's approval first where that cluster asks for it) → declined or quoted → awarded or lost.
 * The coordinators of the cluster handling a match act on it; it can be handed to the partner cluster. Every action
 * is a row in `match_action` (who, when, for which cluster, from and to which status) and an outbox event.
 */
@Injectable()
export class BrokeringService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async context(matchId: string, m: EntityManager = this.db.manager, lock = false): Promise<MatchContext | null> {
    const rows: ContextRow[] = await m.query(`${CONTEXT_SQL} WHERE p.id = $1${lock ? ' FOR UPDATE OF p' : ''}`, [
      matchId,
    ]);
    return rows[0] ? toContext(rows[0]) : null;
  }

  /** The contexts of several matches in one query. */
  async contexts(matchIds: readonly string[]): Promise<Map<string, MatchContext>> {
    if (!matchIds.length) return new Map();
    const rows: ContextRow[] = await this.db.query(`${CONTEXT_SQL} WHERE p.id = ANY($1::uuid[])`, [matchIds]);
    return new Map(rows.map((r) => [r.id, toContext(r)]));
  }

  /**
   * Who reads the notes coordinators and the firm left on a match: admins, the coordinators of the order's, the
   * handling and the firm's cluster, and the buyer's members. The proposed firm does not.
   */
  readsActionNotes(roles: ActorRoles, ctx: MatchContext): boolean {
    return (
      roles.platformAdmin ||
      roles.firms.has(ctx.buyerFirmId) ||
      [ctx.orderClusterId, ctx.handledByClusterId, ctx.firmClusterId].some(
        (c) => c !== null && roles.coordinatorOf.has(c),
      )
    );
  }

  /** A coordinator of the handling cluster endorses a proposal: the firm is worth inviting. */
  endorse(actor: Actor, matchId: string, note = ''): Promise<MatchContext> {
    return this.coordinatorAction(actor, matchId, 'endorsed', ['proposed'], () => 'endorsed', note);
  }

  /** A coordinator of the handling cluster dismisses a proposal or an endorsement. */
  dismiss(actor: Actor, matchId: string, note = ''): Promise<MatchContext> {
    return this.coordinatorAction(actor, matchId, 'dismissed', ['proposed', 'endorsed'], () => 'dismissed', note, {
      orderMayBeClosed: true,
    });
  }

  /**
   * A coordinator of the handling cluster invites an endorsed firm to quote. Within one cluster, or when the other
   * side's cluster does not ask for approval, the firm is invited at once (it may then see and quote the order);
   * otherwise the match waits for a coordinator of the other side to approve the introduction.
   */
  invite(actor: Actor, matchId: string, note = ''): Promise<MatchContext> {
    return this.coordinatorAction(
      actor,
      matchId,
      'invited',
      ['endorsed'],
      async (ctx, actingFor, m) => {
        if (actingFor === ctx.orderClusterId) ctx.orderSideApprovedBy = actor.userId;
        if (actingFor === ctx.firmClusterId) ctx.firmSideApprovedBy = actor.userId;
        const missing = await this.missingApprovals(ctx, m);
        return missing.length ? 'awaiting_approval' : 'invited';
      },
      note,
    );
  }

  /** A coordinator of a side whose approval an introduction across clusters waits for gives it. */
  async approveIntroduction(actor: Actor, matchId: string, note = ''): Promise<MatchContext> {
    checkNote('note', note);
    return this.db.transaction(async (m) => {
      const ctx = await this.requireContext(matchId, m);
      const roles = await actor.roles();
      const missing = ctx.status === 'awaiting_approval' ? await this.missingApprovals(ctx, m) : [];
      const side = missing.find((c) => roles.coordinatorOf.has(c)) ?? (roles.platformAdmin ? missing[0] : undefined);
      if (!side) {
        this.denyOrHide(roles, ctx);
        throw DomainError.conflict(
          MatchErrorCode.MATCH_STATE_CONFLICT,
          ctx.status === 'awaiting_approval'
            ? 'Your side has approved this introduction already; it waits for the other side.'
            : `The match is ${ctx.status}; only an introduction awaiting approval can be approved.`,
          { status: ctx.status },
        );
      }
      this.requireOpen(ctx);
      if (side === ctx.orderClusterId) ctx.orderSideApprovedBy = actor.userId;
      if (side === ctx.firmClusterId) ctx.firmSideApprovedBy = actor.userId;
      const to: MatchStatus = (await this.missingApprovals(ctx, m)).length ? 'awaiting_approval' : 'invited';
      return this.apply(m, actor, ctx, 'introduction_approved', side, to, note);
    });
  }

  /** The handling cluster's coordinator passes an opportunity to the partner cluster's coordinators. */
  handOver(actor: Actor, matchId: string, note = ''): Promise<MatchContext> {
    return this.coordinatorAction(
      actor,
      matchId,
      'handed_over',
      ['proposed', 'endorsed'],
      async (ctx, actingFor, m) => {
        const [c] = await m.query(`SELECT partner_cluster_id FROM cluster WHERE id = $1`, [actingFor]);
        if (!c?.partner_cluster_id) {
          throw DomainError.conflict(
            MatchErrorCode.NO_PARTNER_CLUSTER,
            'This cluster has no partner cluster to hand the opportunity to.',
          );
        }
        ctx.handledByClusterId = c.partner_cluster_id as string;
        return ctx.status;
      },
      note,
    );
  }

  /** A member of the invited firm declines the invitation to quote. */
  async decline(actor: Actor, matchId: string, reason = ''): Promise<MatchContext> {
    checkNote('reason', reason);
    return this.db.transaction(async (m) => {
      const ctx = await this.requireContext(matchId, m);
      const roles = await actor.roles();
      // The firm sees its matches among its opportunities, except those a coordinator dismissed.
      if (!roles.firms.has(ctx.firmId) || ctx.status === 'dismissed')
        throw DomainError.notFound('Match', MatchErrorCode.MATCH_NOT_FOUND);
      if (ctx.status !== 'invited') {
        throw DomainError.conflict(
          MatchErrorCode.MATCH_STATE_CONFLICT,
          `The match is ${ctx.status}; only an invitation can be declined.`,
          { status: ctx.status },
        );
      }
      return this.apply(m, actor, ctx, 'declined', null, 'declined', reason);
    });
  }

  /** The actions people took on a match, oldest first. */
  async actionsOf(matchIds: string[]): Promise<Map<string, MatchActionRecord[]>> {
    const out = new Map<string, MatchActionRecord[]>(matchIds.map((id) => [id, []]));
    if (!matchIds.length) return out;
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT match_id, action, actor_user_id, cluster_id, from_status, to_status, note, at
       FROM match_action WHERE match_id = ANY($1::uuid[]) ORDER BY at, id`,
      [matchIds],
    );
    for (const r of rows) {
      out.get(r['match_id'] as string)?.push({
        action: r['action'] as MatchAction,
        actorUserId: r['actor_user_id'] as string,
        clusterId: r['cluster_id'] as string | null,
        fromStatus: r['from_status'] as MatchStatus,
        toStatus: r['to_status'] as MatchStatus,
        note: r['note'] as string,
        at: new Date(r['at'] as string),
      });
    }
    return out;
  }

  /** Clusters whose approval the match's introduction still waits for. */
  async missingApprovals(ctx: MatchContext, m: EntityManager = this.db.manager): Promise<string[]> {
    if (!crossesClusters(ctx)) return [];
    const sides: [string, string | null][] = [
      [ctx.orderClusterId, ctx.orderSideApprovedBy],
      [ctx.firmClusterId as string, ctx.firmSideApprovedBy],
    ];
    const out: string[] = [];
    for (const [clusterId, approvedBy] of sides) {
      if (approvedBy) continue;
      if ((await this.settingsOf(clusterId, m)).introductionsNeedApproval) out.push(clusterId);
    }
    return out;
  }

  async settingsOf(clusterId: string, m: EntityManager = this.db.manager): Promise<ClusterMatchingSettings> {
    const [row] = await m.query(
      `SELECT cross_border_weight, introductions_need_approval, updated_by, updated_at
       FROM cluster_matching_setting WHERE cluster_id = $1`,
      [clusterId],
    );
    return row
      ? {
          clusterId,
          crossBorderWeight: row.cross_border_weight,
          introductionsNeedApproval: row.introductions_need_approval,
          updatedBy: row.updated_by,
          updatedAt: new Date(row.updated_at),
        }
      : {
          clusterId,
          crossBorderWeight: DEFAULT_WEIGHTS.crossBorder,
          introductionsNeedApproval: true,
          updatedBy: null,
          updatedAt: null,
        };
  }

  /**
   * A coordinator of the cluster sets how much its orders prefer partners across the border, and whether
   * introductions of its firms across clusters need its approval. The cluster's open orders are matched again.
   */
  async setSettings(
    actor: Actor,
    clusterId: string,
    change: { crossBorderWeight?: number | null; introductionsNeedApproval?: boolean | null },
  ): Promise<ClusterMatchingSettings> {
    const [cluster] = await this.db.query(`SELECT id FROM cluster WHERE id = $1`, [clusterId]);
    if (!cluster) throw DomainError.notFound('Cluster', MatchErrorCode.CLUSTER_NOT_FOUND);
    const roles = await actor.roles();
    if (!roles.platformAdmin && !roles.coordinatorOf.has(clusterId))
      throw DomainError.forbidden("Only the cluster's coordinators set its matching weights.");
    const w = change.crossBorderWeight;
    if (w !== undefined && w !== null && !(Number.isFinite(w) && w >= 0 && w <= 1))
      throw DomainError.invalid('crossBorderWeight', 'OUT_OF_RANGE', 'Give a weight from 0 to 1.');
    return this.db.transaction(async (m) => {
      const now = await this.settingsOf(clusterId, m);
      const next = {
        crossBorderWeight: w ?? now.crossBorderWeight,
        introductionsNeedApproval: change.introductionsNeedApproval ?? now.introductionsNeedApproval,
      };
      await m.query(
        `INSERT INTO cluster_matching_setting (cluster_id, cross_border_weight, introductions_need_approval, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (cluster_id) DO UPDATE SET cross_border_weight = excluded.cross_border_weight,
           introductions_need_approval = excluded.introductions_need_approval, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`,
        [clusterId, next.crossBorderWeight, next.introductionsNeedApproval, actor.userId],
      );
      await recordEvent(m, {
        type: 'cluster.matching-settings-changed',
        aggregateType: 'cluster',
        aggregateId: clusterId,
        payload: { clusterId, ...next },
        actorUserId: actor.userId,
      });
      return this.settingsOf(clusterId, m);
    });
  }

  // --- what the firms and the award do to the pipeline (from domain events; idempotent) ---

  /** The firms of a submitted or revised quote's legs have quoted for their packages. */
  async quoted(quoteId: string): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.db.manager,
      `UPDATE package_match p SET status = 'quoted', quote_id = q.id, status_changed_at = now(), status_changed_by = NULL
       FROM quote q JOIN quote_leg l ON l.quote_id = q.id AND l.version = q.current_version
       WHERE q.id = $1 AND q.status = 'submitted' AND p.order_id = q.order_id AND p.package_id = l.package_id
         AND p.firm_id = l.firm_id AND p.status IN ('proposed', 'endorsed', 'awaiting_approval', 'invited', 'declined')
       RETURNING p.id`,
      [quoteId],
    );
    return rows.length;
  }

  /** A withdrawn quote takes its matches back to where people had left them. */
  async quoteWithdrawn(quoteId: string): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.db.manager,
      `UPDATE package_match p SET quote_id = NULL, status_changed_at = now(), status_changed_by = NULL,
         status = ${LAST_ACTED_STATUS}
       WHERE p.quote_id = $1 AND p.status = 'quoted' RETURNING p.id`,
      [quoteId],
    );
    return rows.length;
  }

  /** A package awarded: the winner's match is awarded, the others still in play for the package lost. */
  async awarded(packageId: string, firmId: string): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.db.manager,
      `UPDATE package_match SET status_changed_at = now(), status_changed_by = NULL,
         status = CASE WHEN firm_id = $2 THEN 'awarded' ELSE 'lost' END
       WHERE package_id = $1 AND (firm_id = $2 AND status <> 'awarded'
          OR firm_id <> $2 AND status IN ('awaiting_approval', 'invited', 'quoted'))
       RETURNING id`,
      [packageId, firmId],
    );
    return rows.length;
  }

  /** An award cancelled: the package is open again, and so is every match it had closed. */
  async awardCancelled(packageId: string): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.db.manager,
      `UPDATE package_match p SET status_changed_at = now(), status_changed_by = NULL,
         status = CASE WHEN p.quote_id IS NOT NULL THEN 'quoted'
                       ELSE ${LAST_ACTED_STATUS} END
       WHERE p.package_id = $1 AND p.status IN ('awarded', 'lost') RETURNING p.id`,
      [packageId],
    );
    return rows.length;
  }

  // --- internals ---

  private async requireContext(matchId: string, m: EntityManager): Promise<MatchContext> {
    const ctx = await this.context(matchId, m, true);
    if (!ctx) throw DomainError.notFound('Match', MatchErrorCode.MATCH_NOT_FOUND);
    return ctx;
  }

  /** Coordinators who can see the match but may not act on it are told so; everybody else learns nothing. */
  private denyOrHide(roles: ActorRoles, ctx: MatchContext): void {
    const sees =
      roles.platformAdmin ||
      roles.firms.has(ctx.buyerFirmId) ||
      [ctx.orderClusterId, ctx.handledByClusterId, ctx.firmClusterId].some((c) => c && roles.coordinatorOf.has(c));
    if (!sees) throw DomainError.notFound('Match', MatchErrorCode.MATCH_NOT_FOUND);
  }

  private requireOpen(ctx: MatchContext): void {
    if (ctx.orderStatus !== 'open' || ctx.packageStatus !== 'open') {
      throw DomainError.conflict(
        MatchErrorCode.MATCH_STATE_CONFLICT,
        `The order is ${ctx.orderStatus} and its package ${ctx.packageStatus}; matches are brokered while both are open.`,
        { status: ctx.status, orderStatus: ctx.orderStatus, packageStatus: ctx.packageStatus },
      );
    }
  }

  private async coordinatorAction(
    actor: Actor,
    matchId: string,
    action: MatchAction,
    from: MatchStatus[],
    to: (ctx: MatchContext, actingFor: string, m: EntityManager) => MatchStatus | Promise<MatchStatus>,
    note: string,
    opts: { orderMayBeClosed?: boolean } = {},
  ): Promise<MatchContext> {
    checkNote('note', note);
    return this.db.transaction(async (m) => {
      const ctx = await this.requireContext(matchId, m);
      const roles = await actor.roles();
      if (!roles.platformAdmin && !roles.coordinatorOf.has(ctx.handledByClusterId)) {
        this.denyOrHide(roles, ctx);
        throw DomainError.forbidden(
          ctx.handledByClusterId === ctx.orderClusterId
            ? "The coordinators of the order's cluster broker this match."
            : 'This match was handed to the partner cluster; its coordinators broker it now.',
        );
      }
      if (!from.includes(ctx.status)) {
        throw DomainError.conflict(
          MatchErrorCode.MATCH_STATE_CONFLICT,
          `The match is ${ctx.status}; it can be ${action.replace('_', ' ')} only when ${from.join(' or ')}.`,
          { status: ctx.status },
        );
      }
      if (!opts.orderMayBeClosed) this.requireOpen(ctx);
      const actingFor = ctx.handledByClusterId;
      return this.apply(m, actor, ctx, action, actingFor, await to(ctx, actingFor, m), note);
    });
  }

  /** Writes a status change, its action row and its event; an invitation also lets the firm see and quote. */
  private async apply(
    m: EntityManager,
    actor: Actor,
    ctx: MatchContext,
    action: MatchAction,
    clusterId: string | null,
    to: MatchStatus,
    note: string,
  ): Promise<MatchContext> {
    const from = ctx.status;
    await m.query(
      `UPDATE package_match SET status = $2, handled_by_cluster_id = $3, order_side_approved_by = $4,
         firm_side_approved_by = $5, status_changed_by = $6, status_changed_at = now()
       WHERE id = $1`,
      [ctx.id, to, ctx.handledByClusterId, ctx.orderSideApprovedBy, ctx.firmSideApprovedBy, actor.userId],
    );
    const recorded: MatchAction =
      action === 'invited' && to === 'awaiting_approval' ? 'introduction_requested' : action;
    await m.query(
      `INSERT INTO match_action (match_id, action, actor_user_id, cluster_id, from_status, to_status, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [ctx.id, recorded, actor.userId, clusterId, from, to, note.trim()],
    );
    const payload = {
      matchId: ctx.id,
      orderId: ctx.orderId,
      packageId: ctx.packageId,
      firmId: ctx.firmId,
      clusterId,
      orderClusterId: ctx.orderClusterId,
      firmClusterId: ctx.firmClusterId,
      handledByClusterId: ctx.handledByClusterId,
      status: to,
    };
    const event = (type: string) =>
      recordEvent(m, { type, aggregateType: 'order', aggregateId: ctx.orderId, payload, actorUserId: actor.userId });
    await event(`match.${recorded.replace(/_/g, '-')}`);
    if (to === 'invited' && from !== 'invited') {
      await m.query(
        `INSERT INTO order_invitation (order_id, firm_id, invited_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [ctx.orderId, ctx.firmId, actor.userId],
      );
      if (recorded !== 'invited') await event('match.invited');
    }
    return { ...ctx, status: to };
  }
}
