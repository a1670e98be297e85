import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: what TypeORM cannot describe. The offer's tsvector follows its folded search text by trigger
 * (so bulk loaders cannot forget it), and GIN indexes serve the taxonomy overlap test and full-text search
 * over published offers only. The entity declares these indexes with `synchronize: false`.
 */
export class OfferSearch1795697295442 implements MigrationInterface {
  name = 'OfferSearch1795697295442';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION offer_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := to_tsvector('simple', NEW.search_text);
  RETURN NEW;
END $$`);
    await q.query(`CREATE TRIGGER offer_search_vector_trg BEFORE INSERT OR UPDATE OF search_text ON offer
      FOR EACH ROW EXECUTE FUNCTION offer_search_vector_update()`);
    await q.query(
      `CREATE INDEX offer_capability_ids_gin ON offer USING gin (capability_ids) WHERE status = 'published'`,
    );
    await q.query(`CREATE INDEX offer_search_vector_gin ON offer USING gin (search_vector) WHERE status = 'published'`);
    await q.query(
      `CREATE INDEX offer_published_rank_idx ON offer (published_at DESC, id DESC) WHERE status = 'published'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX offer_published_rank_idx`);
    await q.query(`DROP INDEX offer_search_vector_gin`);
    await q.query(`DROP INDEX offer_capability_ids_gin`);
    await q.query(`DROP TRIGGER offer_search_vector_trg ON offer`);
    await q.query(`DROP FUNCTION offer_search_vector_update()`);
  }
}
