import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, ProblemCollector } from '@kooperant/platform-errors';
import { ChangeFeed, idempotent, queryRows, recordEvent } from '@kooperant/platform-database';
import { FirmService, type Actor } from '@kooperant/identity';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { OfferEntity, type OfferStatus } from './offer.entity';
import { OfferErrorCode } from './offer.errors';
import { validateCapacity, validateOfferText, validateTerms, type OfferDraft } from './offer.validation';

export interface CreateOfferCommand extends OfferDraft {
  firmId: string;
}

export type UpdateOfferCommand = Partial<OfferDraft> & { offerId: string };

export interface OfferPage {
  items: OfferEntity[];
  hasNextPage: boolean;
}

@Injectable()
export class OfferService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly firms: FirmService,
    private readonly changes: ChangeFeed,
  ) {}

  /** Creates a draft offer for one of the caller's firms. */
  async createOffer(actor: Actor, cmd: CreateOfferCommand, idempotencyKey?: string): Promise<OfferEntity> {
    await this.firms.requireFirmMember(actor, cmd.firmId);
    const firm = await this.firms.requireFirm(cmd.firmId);
    const columns = await this.validate(cmd, firm.country);
    const id = await this.db.transaction(async (m) => {
      const create = async () => {
        const offer = await m.save(
          m.create(OfferEntity, {
            ...columns,
            firmId: firm.id,
            firmCountry: firm.country,
            status: 'draft',
            createdBy: actor.userId,
          }),
        );
        await this.event(m, 'offer.created', offer, actor);
        return offer.id;
      };
      if (!idempotencyKey) return create();
      const { firmId: _f, ...input } = cmd;
      return (
        await idempotent(
          m,
          {
            operation: 'createOffer',
            userId: actor.userId,
            key: idempotencyKey,
            input: { ...input, firmId: cmd.firmId },
          },
          create,
        )
      ).id;
    });
    this.changes.touch('offer');
    return this.db.getRepository(OfferEntity).findOneByOrFail({ id });
  }

  /**
   * Changes an offer's content in any state: a published offer stays published and is re-indexed; an archived
   * (for example expired) one can be given a new valid-until date and then be published again.
   */
  async updateOffer(actor: Actor, cmd: UpdateOfferCommand): Promise<OfferEntity> {
    const current = await this.requireOwnOffer(actor, cmd.offerId);
    const snap = await this.taxonomy.snapshot();
    const codes = (ids: string[]) => ids.map((id) => snap.byId.get(id)?.code ?? id);
    const merged: OfferDraft = {
      language: cmd.language ?? current.language,
      title: cmd.title ?? current.title,
      description: cmd.description ?? current.description,
      translations: cmd.translations ?? current.translations,
      processCodes: cmd.processCodes ?? codes(current.processIds),
      materialCodes: cmd.materialCodes ?? codes(current.materialIds),
      certificationCodes: cmd.certificationCodes ?? codes(current.certificationIds),
      capacity: cmd.capacity !== undefined ? cmd.capacity : current,
      leadTimeDays: cmd.leadTimeDays ?? current.leadTimeDays,
      price:
        cmd.price !== undefined
          ? cmd.price
          : current.priceMinor !== null
            ? { amountMinor: current.priceMinor, currency: current.priceCurrency ?? '', unit: current.priceUnit ?? '' }
            : null,
      countriesServed: cmd.countriesServed ?? current.countriesServed,
      validUntil: cmd.validUntil ?? current.validUntil,
    };
    const columns = await this.validate(merged, current.firmCountry);
    const updated = await this.db.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(OfferEntity)
        .set({
          ...columns,
          expiryRemindedAt: cmd.validUntil ? null : current.expiryRemindedAt,
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :v', { id: current.id, v: current.version })
        .execute();
      if (res.affected !== 1) {
        throw DomainError.conflict(
          OfferErrorCode.OFFER_STATE_CONFLICT,
          'The offer was changed meanwhile; reload it and try again.',
        );
      }
      const row = await m.findOneByOrFail(OfferEntity, { id: current.id });
      await this.event(m, 'offer.updated', row, actor);
      return row;
    });
    this.changes.touch('offer');
    return updated;
  }

  /** Publishes a draft (or an archived offer again). Only verified firms publish. */
  async publishOffer(actor: Actor, offerId: string): Promise<OfferEntity> {
    const offer = await this.requireOwnOffer(actor, offerId);
    if (!(await this.firms.isVerified(offer.firmId))) {
      throw DomainError.conflict(
        OfferErrorCode.FIRM_NOT_VERIFIED,
        'Your firm must be verified by a cluster coordinator before it can publish offers.',
      );
    }
    if (offer.validUntil.getTime() <= Date.now()) {
      throw new DomainError(OfferErrorCode.OFFER_EXPIRED, 'The offer is past its valid-until date; extend it first.', [
        { field: 'validUntil', reason: 'IN_PAST', message: 'Extend the validity first.' },
      ]);
    }
    return this.transition(actor, offer, ['draft', 'archived'], 'published', 'offer.published', {
      publishedAt: () => 'now()',
      archivedAt: null,
      archiveReason: null,
    });
  }

  async archiveOffer(actor: Actor, offerId: string): Promise<OfferEntity> {
    const offer = await this.requireOwnOffer(actor, offerId);
    return this.transition(actor, offer, ['draft', 'published'], 'archived', 'offer.archived', {
      archivedAt: () => 'now()',
      archiveReason: 'owner',
    });
  }

  /** A published offer is visible to every signed-in user; drafts and archived offers only to their firm. */
  async getOffer(actor: Actor, offerId: string): Promise<OfferEntity> {
    const offer = await this.db.getRepository(OfferEntity).findOneBy({ id: offerId });
    if (!offer) throw DomainError.notFound('Offer', OfferErrorCode.OFFER_NOT_FOUND);
    if (offer.status !== 'published') {
      const roles = await actor.roles();
      if (!roles.firms.has(offer.firmId) && !roles.platformAdmin)
        throw DomainError.notFound('Offer', OfferErrorCode.OFFER_NOT_FOUND);
    }
    return offer;
  }

  async offersByIds(ids: readonly string[]): Promise<OfferEntity[]> {
    return this.db.getRepository(OfferEntity).findBy({ id: In([...ids]) });
  }

  /** Offers of the caller's firms, newest first, keyset-paginated on (created_at, id). */
  async myOffers(
    actor: Actor,
    opts: { firmId?: string; status?: OfferStatus; first: number; after?: { createdAt: string; id: string } },
  ): Promise<OfferPage> {
    const roles = await actor.roles();
    const firmIds = opts.firmId ? [opts.firmId] : [...roles.firms.keys()];
    if (opts.firmId && !roles.firms.has(opts.firmId)) throw DomainError.notFound('Firm', 'FIRM_NOT_FOUND');
    if (firmIds.length === 0) return { items: [], hasNextPage: false };
    const qb = this.db
      .getRepository(OfferEntity)
      .createQueryBuilder('o')
      .where('o.firm_id IN (:...firmIds)', { firmIds })
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .take(opts.first + 1);
    if (opts.status) qb.andWhere('o.status = :status', { status: opts.status });
    if (opts.after) {
      qb.andWhere('(o.created_at, o.id) < (:ca::timestamptz, :cid::uuid)', {
        ca: opts.after.createdAt,
        cid: opts.after.id,
      });
    }
    const rows = await qb.getMany();
    return { items: rows.slice(0, opts.first), hasNextPage: rows.length > opts.first };
  }

  /** Archives published offers past their date. Each batch is one transaction; returns how many expired. */
  async expireOffers(now: Date, batchSize = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.db.transaction(async (m) => {
        // Structured result: for UPDATE ... RETURNING, TypeORM's plain result is [rows, count].
        const rows = await queryRows<{ id: string; firm_id: string }>(
          m,
          `UPDATE offer SET status = 'archived', archived_at = $1, archive_reason = 'expired', version = version + 1, updated_at = now()
           WHERE id IN (SELECT id FROM offer WHERE status = 'published' AND valid_until <= $1
                        ORDER BY valid_until LIMIT $2 FOR UPDATE SKIP LOCKED)
           RETURNING id, firm_id`,
          [now, batchSize],
        );
        for (const r of rows) {
          await recordEvent(m, {
            type: 'offer.expired',
            aggregateType: 'offer',
            aggregateId: r.id,
            payload: { offerId: r.id, firmId: r.firm_id },
          });
        }
        return rows.length;
      });
      total += n;
      if (n < batchSize) return total;
    }
  }

  /** Records, once per offer and validity, that its owner must be reminded it expires within `withinDays`. */
  async remindExpiringOffers(now: Date, withinDays = 7, batchSize = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.db.transaction(async (m) => {
        const rows = await queryRows<{ id: string; firm_id: string; valid_until: Date }>(
          m,
          `UPDATE offer SET expiry_reminded_at = $1
           WHERE id IN (SELECT id FROM offer WHERE status = 'published' AND expiry_reminded_at IS NULL
                          AND valid_until > $1 AND valid_until <= $1::timestamptz + make_interval(days => $2)
                        ORDER BY valid_until LIMIT $3 FOR UPDATE SKIP LOCKED)
           RETURNING id, firm_id, valid_until`,
          [now, withinDays, batchSize],
        );
        for (const r of rows) {
          await recordEvent(m, {
            type: 'offer.expiring-soon',
            aggregateType: 'offer',
            aggregateId: r.id,
            payload: { offerId: r.id, firmId: r.firm_id, validUntil: new Date(r.valid_until).toISOString() },
          });
        }
        return rows.length;
      });
      total += n;
      if (n < batchSize) return total;
    }
  }

  private async requireOwnOffer(actor: Actor, offerId: string): Promise<OfferEntity> {
    const offer = await this.db.getRepository(OfferEntity).findOneBy({ id: offerId });
    const roles = await actor.roles();
    // Another firm's offer is "not found" for writes: no hint that it exists.
    if (!offer || !(roles.firms.has(offer.firmId) || roles.platformAdmin)) {
      throw DomainError.notFound('Offer', OfferErrorCode.OFFER_NOT_FOUND);
    }
    return offer;
  }

  private async transition(
    actor: Actor,
    offer: OfferEntity,
    from: OfferStatus[],
    to: OfferStatus,
    eventType: string,
    extra: Record<string, unknown>,
  ): Promise<OfferEntity> {
    const result = await this.db.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(OfferEntity)
        .set({ status: to, version: () => 'version + 1', ...extra })
        .where('id = :id AND status IN (:...from)', { id: offer.id, from })
        .execute();
      if (res.affected !== 1) {
        const now = await m.findOneBy(OfferEntity, { id: offer.id });
        throw DomainError.conflict(
          OfferErrorCode.OFFER_STATE_CONFLICT,
          `The offer is ${now?.status ?? 'gone'}; it cannot become ${to}.`,
          { status: now?.status },
        );
      }
      const updated = await m.findOneByOrFail(OfferEntity, { id: offer.id });
      await this.event(m, eventType, updated, actor);
      return updated;
    });
    this.changes.touch('offer');
    return result;
  }

  private event(m: EntityManager, type: string, offer: OfferEntity, actor: Actor) {
    return recordEvent(m, {
      type,
      aggregateType: 'offer',
      aggregateId: offer.id,
      payload: { offerId: offer.id, firmId: offer.firmId, status: offer.status },
      actorUserId: actor.userId,
    });
  }

  private async validate(d: OfferDraft, firmCountry: string) {
    const p = new ProblemCollector();
    const text = validateOfferText(d, p);
    const capacity = validateCapacity(d.capacity, p);
    const terms = validateTerms(d, firmCountry, new Date(), p);
    const snap = await this.taxonomy.snapshot();
    const processIds = await this.taxonomy.resolveCodes(snap, 'process', d.processCodes, 'processCodes', p);
    if ((d.processCodes ?? []).length === 0) p.add('processCodes', 'REQUIRED', 'Name at least one process.');
    const materialIds = await this.taxonomy.resolveCodes(snap, 'material', d.materialCodes, 'materialCodes', p);
    const certificationIds = await this.taxonomy.resolveCodes(
      snap,
      'certification',
      d.certificationCodes,
      'certificationCodes',
      p,
    );
    p.throwIfAny();
    return {
      ...text,
      ...capacity,
      ...terms,
      processIds,
      materialIds,
      certificationIds,
      capabilityIds: [...processIds, ...materialIds, ...certificationIds],
    };
  }
}
