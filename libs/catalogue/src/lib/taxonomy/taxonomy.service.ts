import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CapabilityVocabulary } from '@kooperant/identity';
import { DomainError, ProblemCollector } from '@kooperant/platform-errors';
import { TaxonomyEntryEntity, type TaxonomyKind } from './taxonomy-entry.entity';
import { TaxonomySnapshot } from './taxonomy-snapshot';

const STAMP_SQL = `SELECT coalesce(max(updated_at)::text, '') || ':' || count(*) AS stamp FROM taxonomy_entry`;
const KIND_BY_PORT: Record<'certification' | 'nace', TaxonomyKind> = { certification: 'certification', nace: 'nace' };

/**
 * The taxonomy changes rarely (seed, admin) and is read on every search: each process keeps a snapshot
 * and reloads it when the table's newest `updated_at` moves, checked at most every few seconds.
 */
@Injectable()
export class TaxonomyService implements CapabilityVocabulary {
  private snapshotPromise?: Promise<{ snap: TaxonomySnapshot; stamp: string }>;
  private checkedAt = 0;
  static readonly RECHECK_MS = 5_000;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async snapshot(): Promise<TaxonomySnapshot> {
    const now = Date.now();
    if (this.snapshotPromise && now - this.checkedAt < TaxonomyService.RECHECK_MS) {
      return (await this.snapshotPromise).snap;
    }
    this.checkedAt = now;
    const current = this.snapshotPromise;
    if (current) {
      const [{ stamp }] = await this.db.query(STAMP_SQL);
      const cached = await current;
      if (cached.stamp === stamp) return cached.snap;
    }
    this.snapshotPromise = this.load();
    try {
      return (await this.snapshotPromise).snap;
    } catch (e) {
      this.snapshotPromise = undefined;
      throw e;
    }
  }

  /** Forget the snapshot (after the taxonomy was written in this process). */
  invalidate(): void {
    this.snapshotPromise = undefined;
  }

  private async load(): Promise<{ snap: TaxonomySnapshot; stamp: string }> {
    const [{ stamp }] = await this.db.query(STAMP_SQL);
    const rows = await this.db
      .getRepository(TaxonomyEntryEntity)
      .find({ order: { kind: 'ASC', sortOrder: 'ASC', code: 'ASC' } });
    return { snap: new TaxonomySnapshot(rows), stamp };
  }

  async entries(kind?: TaxonomyKind): Promise<TaxonomyEntryEntity[]> {
    return this.db.getRepository(TaxonomyEntryEntity).find({
      where: kind ? { kind } : {},
      order: { kind: 'ASC', sortOrder: 'ASC', code: 'ASC' },
    });
  }

  async unknownCodes(kind: 'certification' | 'nace', codes: readonly string[]): Promise<string[]> {
    const snap = await this.snapshot();
    return codes.filter((c) => snap.byCode.get(c)?.kind !== KIND_BY_PORT[kind]);
  }

  /**
   * Resolves taxonomy codes of one kind to ids, collecting a field problem for every unknown code.
   * `field` is the input field name, e.g. `processCodes`.
   */
  async resolveCodes(
    snap: TaxonomySnapshot,
    kind: TaxonomyKind,
    codes: readonly string[] | undefined,
    field: string,
    problems: ProblemCollector,
  ): Promise<string[]> {
    const ids: string[] = [];
    (codes ?? []).forEach((code, i) => {
      const node = snap.byCode.get(code);
      if (!node || node.kind !== kind) problems.add(`${field}.${i}`, 'UNKNOWN_REFERENCE', `Unknown ${kind} "${code}".`);
      else if (!ids.includes(node.id)) ids.push(node.id);
    });
    return ids;
  }

  async requireEntry(code: string): Promise<TaxonomyEntryEntity> {
    const e = await this.db.getRepository(TaxonomyEntryEntity).findOneBy({ code });
    if (!e) throw DomainError.notFound('Taxonomy entry', 'TAXONOMY_ENTRY_NOT_FOUND');
    return e;
  }
}
