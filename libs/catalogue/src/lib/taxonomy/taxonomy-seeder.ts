import type { DataSource } from 'typeorm';
import { TAXONOMY_SEED } from './taxonomy.seed';

/**
 * Upserts the capability taxonomy by code (parents first), so that every start ships taxonomy changes.
 * Unchanged rows are not touched (their updated_at stays, so no process reloads its snapshot for nothing).
 */
export async function seedTaxonomy(db: DataSource): Promise<{ inserted: number; updated: number }> {
  return db.transaction(async (m) => {
    const ids = new Map<string, string>();
    let inserted = 0;
    let updated = 0;
    for (const [i, e] of TAXONOMY_SEED.entries()) {
      const parentId = e.parentCode ? ids.get(e.parentCode) : null;
      if (e.parentCode && !parentId)
        throw new Error(`taxonomy seed: ${e.code} comes before its parent ${e.parentCode}`);
      const rows: { id: string; inserted: boolean; changed: boolean }[] = await m.query(
        `INSERT INTO taxonomy_entry (code, kind, parent_id, labels, synonyms, meta, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, parent_id = EXCLUDED.parent_id, labels = EXCLUDED.labels,
           synonyms = EXCLUDED.synonyms, meta = EXCLUDED.meta, sort_order = EXCLUDED.sort_order, updated_at = now()
         WHERE (taxonomy_entry.kind, taxonomy_entry.parent_id, taxonomy_entry.labels, taxonomy_entry.synonyms, taxonomy_entry.meta, taxonomy_entry.sort_order)
           IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.parent_id, EXCLUDED.labels, EXCLUDED.synonyms, EXCLUDED.meta, EXCLUDED.sort_order)
         RETURNING id, (xmax = 0) AS inserted, true AS changed`,
        [e.code, e.kind, parentId, e.labels, e.synonyms, e.meta ?? {}, i],
      );
      if (rows.length === 0) {
        const [row] = await m.query(`SELECT id FROM taxonomy_entry WHERE code = $1`, [e.code]);
        ids.set(e.code, row.id);
        continue;
      }
      ids.set(e.code, rows[0].id);
      if (rows[0].inserted) inserted++;
      else updated++;
    }
    return { inserted, updated };
  });
}
