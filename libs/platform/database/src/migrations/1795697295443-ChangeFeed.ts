import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: tables that processes cache announce their changes (NOTIFY kooperant_changes, payload = table),
 * once per statement, delivered at commit.
 */
export class ChangeFeed1795697295443 implements MigrationInterface {
  name = 'ChangeFeed1795697295443';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION kooperant_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kooperant_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$`);
    for (const table of ['offer', 'firm', 'cluster_membership', 'taxonomy_entry']) {
      await q.query(`CREATE TRIGGER ${table}_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION kooperant_notify_change()`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['offer', 'firm', 'cluster_membership', 'taxonomy_entry']) {
      await q.query(`DROP TRIGGER ${table}_notify_change ON ${table}`);
    }
    await q.query(`DROP FUNCTION kooperant_notify_change()`);
  }
}
