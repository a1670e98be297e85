import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: the words of all offers (folded), kept by trigger, with a trigram index, so that a misspelt
 * word of a query ("frezowanei", "nierdzewan") can be corrected to words that really occur in the catalogue.
 * This is PostgreSQL's documented approach to spelling suggestions for full-text search (pg_trgm on ts_stat words).
 */
export class SearchLexicon1795697295444 implements MigrationInterface {
  name = 'SearchLexicon1795697295444';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // Byte order ("C"): prefix look-ups (word LIKE 'abc%') can use the primary key.
    await q.query(`CREATE TABLE search_lexicon (word text COLLATE "C" PRIMARY KEY)`);
    await q.query(`CREATE INDEX search_lexicon_word_trgm ON search_lexicon USING gin (word gin_trgm_ops)`);
    await q.query(`CREATE FUNCTION offer_lexicon_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_lexicon (word)
    SELECT w FROM unnest(tsvector_to_array(NEW.search_vector)) AS w
    WHERE length(w) BETWEEN 4 AND 40 AND w !~ '^[0-9]+$'
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$`);
    await q.query(`CREATE TRIGGER offer_lexicon_trg AFTER INSERT OR UPDATE OF search_text ON offer
      FOR EACH ROW EXECUTE FUNCTION offer_lexicon_update()`);
    await q.query(`INSERT INTO search_lexicon (word)
      SELECT DISTINCT w FROM offer, unnest(tsvector_to_array(search_vector)) AS w
      WHERE length(w) BETWEEN 4 AND 40 AND w !~ '^[0-9]+$' ON CONFLICT DO NOTHING`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER offer_lexicon_trg ON offer`);
    await q.query(`DROP FUNCTION offer_lexicon_update()`);
    await q.query(`DROP TABLE search_lexicon`);
  }
}
