import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MetricsFactCluster1795733990673 implements MigrationInterface {
  name = 'MetricsFactCluster1795733990673';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "metrics_fact_cluster_idx" ON "metrics_fact"  ("cluster_id", "kind", "at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."metrics_fact_cluster_idx"`);
  }
}
