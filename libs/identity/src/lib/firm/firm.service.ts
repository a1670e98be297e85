import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@kooperant/platform-errors';
import { ChangeFeed, idempotent, isUniqueViolation, LruCache, recordEvent } from '@kooperant/platform-database';
import type { Actor } from '../access/actor';
import { isFirmAdmin } from '../access/actor';
import { FirmEntity } from './firm.entity';
import { FirmMemberEntity, type FirmRole } from './firm-member.entity';
import { FirmErrorCode } from './firm.errors';
import { validateFirmDetails, type FirmDetails, type NormalizedFirm } from './firm.validation';
import { CAPABILITY_VOCABULARY, type CapabilityVocabulary } from './capability-vocabulary';
import { UserEntity } from '../user/user.entity';
import { normalizeEmail } from '../auth/auth.service';

export interface UpdateFirmCommand extends Partial<Omit<FirmDetails, 'country'>> {
  firmId: string;
}

@Injectable()
export class FirmService {
  /** Firms by id while the firm table is unchanged (see ChangeFeed): every search hit shows its firm. */
  private readonly cache = new LruCache<string, FirmEntity>(20_000, 10 * 60_000);
  private cacheEpoch: number | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ChangeFeed,
    @Optional() @Inject(CAPABILITY_VOCABULARY) private readonly vocabulary?: CapabilityVocabulary,
  ) {}

  /** Registers a firm; the caller becomes its admin. A replayed idempotency key returns the first firm. */
  async registerFirm(actor: Actor, details: FirmDetails, idempotencyKey?: string): Promise<FirmEntity> {
    const firm = validateFirmDetails(details);
    await this.checkVocabulary(firm);
    try {
      const id = await this.db.transaction(async (m) => {
        const create = async () => {
          const { warnings: _w, ...columns } = firm;
          const saved = await m.save(m.create(FirmEntity, columns));
          await m.insert(FirmMemberEntity, { userId: actor.userId, firmId: saved.id, role: 'admin' });
          await recordEvent(m, {
            type: 'firm.registered',
            aggregateType: 'firm',
            aggregateId: saved.id,
            payload: { firmId: saved.id, country: saved.country },
            actorUserId: actor.userId,
          });
          return saved.id;
        };
        if (!idempotencyKey) return create();
        const r = await idempotent(
          m,
          { operation: 'registerFirm', userId: actor.userId, key: idempotencyKey, input: details },
          create,
        );
        return r.id;
      });
      return this.db.getRepository(FirmEntity).findOneByOrFail({ id });
    } catch (e) {
      if (isUniqueViolation(e, 'firm_nip_key') || isUniqueViolation(e, 'firm_company_code_key')) {
        const field = firm.country === 'PL' ? 'nip' : 'companyCode';
        throw new DomainError(FirmErrorCode.FIRM_ALREADY_REGISTERED, 'This firm is already registered.', [
          { field, reason: 'TAKEN', message: 'A firm with this identifier is already registered.' },
        ]);
      }
      throw e;
    }
  }

  async updateFirm(actor: Actor, cmd: UpdateFirmCommand): Promise<FirmEntity> {
    await this.requireFirmAdmin(actor, cmd.firmId);
    // Before the transaction: the vocabulary may need a connection of its own, and a request must never hold two.
    if (cmd.certificationCodes)
      await this.checkCertifications([...new Set(cmd.certificationCodes.map((c) => c.trim()))]);
    return this.db.transaction(async (m) => {
      const current = await m.findOne(FirmEntity, { where: { id: cmd.firmId }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw DomainError.notFound('Firm', FirmErrorCode.FIRM_NOT_FOUND);
      const merged: FirmDetails = { ...current, ...definedOnly(cmd), country: current.country };
      const firm = validateFirmDetails(merged);
      const { warnings: _w, ...columns } = firm;
      Object.assign(current, columns);
      try {
        await m.save(current);
      } catch (e) {
        if (isUniqueViolation(e)) {
          throw DomainError.invalid(firm.country === 'PL' ? 'nip' : 'companyCode', 'TAKEN', 'Another firm has it.');
        }
        throw e;
      }
      await recordEvent(m, {
        type: 'firm.updated',
        aggregateType: 'firm',
        aggregateId: current.id,
        payload: { firmId: current.id },
        actorUserId: actor.userId,
      });
      return current;
    });
  }

  getFirm(id: string): Promise<FirmEntity | null> {
    return this.db.getRepository(FirmEntity).findOneBy({ id });
  }

  async requireFirm(id: string): Promise<FirmEntity> {
    const firm = await this.getFirm(id);
    if (!firm) throw DomainError.notFound('Firm', FirmErrorCode.FIRM_NOT_FOUND);
    return firm;
  }

  /** For DataLoaders: firms in the order of `ids`, null where missing. */
  async firmsByIds(ids: readonly string[]): Promise<(FirmEntity | null)[]> {
    const epoch = this.changes.epoch('firm');
    if (epoch === null || epoch !== this.cacheEpoch) {
      this.cache.clear();
      this.cacheEpoch = epoch;
    }
    const byId = new Map<string, FirmEntity>();
    const missing = ids.filter((id) => {
      const hit = epoch === null ? undefined : this.cache.get(id);
      if (hit) byId.set(id, hit);
      return !hit;
    });
    if (missing.length) {
      for (const f of await this.db.getRepository(FirmEntity).findBy({ id: In(missing) })) {
        byId.set(f.id, f);
        if (epoch !== null) this.cache.set(f.id, f);
      }
    }
    return ids.map((id) => byId.get(id) ?? null);
  }

  async myFirms(actor: Actor): Promise<{ firm: FirmEntity; role: FirmRole }[]> {
    const roles = await actor.roles();
    const ids = [...roles.firms.keys()];
    if (ids.length === 0) return [];
    const firms = await this.db.getRepository(FirmEntity).find({ where: { id: In(ids) }, order: { name: 'ASC' } });
    return firms.map((firm) => ({ firm, role: roles.firms.get(firm.id) as FirmRole }));
  }

  /** A firm admin adds an existing user to the firm (or changes their role). */
  async setFirmMember(actor: Actor, firmId: string, email: string, role: FirmRole): Promise<void> {
    await this.requireFirmAdmin(actor, firmId);
    if (role !== 'admin' && role !== 'member')
      throw DomainError.invalid('role', 'UNSUPPORTED', 'Role is ADMIN or MEMBER.');
    const user = await this.db.getRepository(UserEntity).findOneBy({ email: normalizeEmail(email) });
    if (!user) {
      throw new DomainError(FirmErrorCode.USER_NOT_FOUND, 'No user has this e-mail; ask them to sign up first.', [
        { field: 'email', reason: 'UNKNOWN', message: 'No user has this e-mail.' },
      ]);
    }
    await this.db.transaction(async (m) => {
      await m.upsert(FirmMemberEntity, { userId: user.id, firmId, role }, ['userId', 'firmId']);
      await recordEvent(m, {
        type: 'firm.member-set',
        aggregateType: 'firm',
        aggregateId: firmId,
        payload: { firmId, userId: user.id, role },
        actorUserId: actor.userId,
      });
    });
  }

  async requireFirmAdmin(actor: Actor, firmId: string): Promise<void> {
    const roles = await actor.roles();
    if (isFirmAdmin(roles, firmId) || roles.platformAdmin) return;
    // Do not tell strangers whether a firm exists.
    if (!roles.firms.has(firmId)) throw DomainError.notFound('Firm', FirmErrorCode.FIRM_NOT_FOUND);
    throw DomainError.forbidden('Only an admin of this firm can do this.');
  }

  async requireFirmMember(actor: Actor, firmId: string): Promise<void> {
    const roles = await actor.roles();
    if (roles.firms.has(firmId) || roles.platformAdmin) return;
    throw DomainError.notFound('Firm', FirmErrorCode.FIRM_NOT_FOUND);
  }

  /** True when a coordinator of at least one cluster has verified the firm. */
  async isVerified(firmId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM cluster_membership WHERE firm_id = $1 AND status = 'verified' LIMIT 1`,
      [firmId],
    );
    return rows.length > 0;
  }

  private checkVocabulary(firm: NormalizedFirm): Promise<void> {
    return this.checkCertifications(firm.certificationCodes);
  }

  private async checkCertifications(codes: string[]): Promise<void> {
    if (!this.vocabulary || codes.length === 0) return;
    const unknown = await this.vocabulary.unknownCodes('certification', codes);
    if (unknown.length > 0) {
      throw DomainError.validation(
        unknown.map((code) => ({
          field: `certificationCodes.${codes.indexOf(code)}`,
          reason: 'UNKNOWN_REFERENCE',
          message: `Unknown certification ${code}.`,
        })),
      );
    }
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
