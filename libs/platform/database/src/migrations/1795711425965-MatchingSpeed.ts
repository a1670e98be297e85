import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchingSpeed1795711425965 implements MigrationInterface {
  name = 'MatchingSpeed1795711425965';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "work_package_awarded_firm_active_idx" ON "work_package"  ("awarded_firm_id") WHERE status IN ('awarded', 'in_production')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."work_package_awarded_firm_active_idx"`);
  }
}
