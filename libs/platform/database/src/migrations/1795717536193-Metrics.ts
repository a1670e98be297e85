import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Metrics1795717536193 implements MigrationInterface {
  name = 'Metrics1795717536193';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "metrics_event" ("id" uuid NOT NULL, "type" character varying(80) NOT NULL, "partition" character varying(120) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "payload" jsonb NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1eed46c6bc4341e34aff0ee434c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "metrics_event_partition_idx" ON "metrics_event"  ("partition") `);
    await queryRunner.query(
      `CREATE TABLE "metrics_fact_cell" ("scope_type" character varying(10) NOT NULL, "scope_id" uuid NOT NULL, "period" character varying(7) NOT NULL, "partition" character varying(120) NOT NULL, "key" character varying(200) NOT NULL, CONSTRAINT "PK_6cc0700530f7432c3d080205a54" PRIMARY KEY ("scope_type", "scope_id", "period", "partition", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "metrics_fact_cell_fact_idx" ON "metrics_fact_cell"  ("partition", "key") `);
    await queryRunner.query(
      `CREATE TABLE "metrics_fact" ("partition" character varying(120) NOT NULL, "key" character varying(200) NOT NULL, "kind" character varying(40) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "subject" character varying(120) NOT NULL, "cluster_id" uuid, "firm_id" uuid NOT NULL, "other_firm_id" uuid, "n" integer, "amount_minor" bigint, "currency" character(3), "eur_minor" bigint, "pln_minor" bigint, "rate" character varying(30), "rate_source" character varying(8), "rate_date" character varying(10), CONSTRAINT "PK_d25c76e3e445783762dbb68f247" PRIMARY KEY ("partition", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "metrics_fact_kind_idx" ON "metrics_fact"  ("kind", "firm_id") `);
    await queryRunner.query(`CREATE INDEX "metrics_fact_firm_idx" ON "metrics_fact"  ("firm_id", "other_firm_id") `);
    await queryRunner.query(
      `CREATE TABLE "metrics_figure" ("scope_type" character varying(10) NOT NULL, "scope_id" uuid NOT NULL, "period" character varying(7) NOT NULL, "kpi" character varying(40) NOT NULL, "value" numeric, CONSTRAINT "PK_a49af3b93fa51796f88d1961ecf" PRIMARY KEY ("scope_type", "scope_id", "period", "kpi"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "metrics_figure"`);
    await queryRunner.query(`DROP INDEX "public"."metrics_fact_firm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."metrics_fact_kind_idx"`);
    await queryRunner.query(`DROP TABLE "metrics_fact"`);
    await queryRunner.query(`DROP INDEX "public"."metrics_fact_cell_fact_idx"`);
    await queryRunner.query(`DROP TABLE "metrics_fact_cell"`);
    await queryRunner.query(`DROP INDEX "public"."metrics_event_partition_idx"`);
    await queryRunner.query(`DROP TABLE "metrics_event"`);
  }
}
