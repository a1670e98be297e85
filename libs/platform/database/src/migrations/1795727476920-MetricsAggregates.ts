import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MetricsAggregates1795727476920 implements MigrationInterface {
  name = 'MetricsAggregates1795727476920';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "metrics_cell_subject" ("scope_type" character varying(10) NOT NULL, "scope_id" uuid NOT NULL, "period" character varying(7) NOT NULL, "kind" character varying(40) NOT NULL, "subject" character varying(120) NOT NULL, "facts" integer NOT NULL, "eur_minor" bigint NOT NULL, "pln_minor" bigint NOT NULL, "n_sum" bigint NOT NULL, "n_min" integer, CONSTRAINT "PK_d8f13fec5a07608af4721be5707" PRIMARY KEY ("scope_type", "scope_id", "period", "kind", "subject"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "metrics_cell_kind" ("scope_type" character varying(10) NOT NULL, "scope_id" uuid NOT NULL, "period" character varying(7) NOT NULL, "kind" character varying(40) NOT NULL, "subjects" integer NOT NULL, "eur_minor" bigint NOT NULL, "pln_minor" bigint NOT NULL, "n_sum" bigint NOT NULL, "n_median" integer, CONSTRAINT "PK_4213214c29d6ae63f2e7a370e43" PRIMARY KEY ("scope_type", "scope_id", "period", "kind"))`,
    );
    await queryRunner.query(`CREATE INDEX "metrics_fact_subject_idx" ON "metrics_fact"  ("kind", "subject") `);
    // The aggregates of the facts already rolled up, as libs/metrics rebuilds them.
    await queryRunner.query(
      `INSERT INTO metrics_cell_subject (scope_type, scope_id, period, kind, subject, facts, eur_minor, pln_minor, n_sum, n_min)
       SELECT c.scope_type, c.scope_id, c.period, f.kind, f.subject, count(*), coalesce(sum(f.eur_minor), 0),
              coalesce(sum(f.pln_minor), 0), coalesce(sum(f.n), 0), min(f.n)
       FROM metrics_fact_cell c JOIN metrics_fact f ON f.partition = c.partition AND f.key = c.key
       GROUP BY c.scope_type, c.scope_id, c.period, f.kind, f.subject`,
    );
    await queryRunner.query(
      `INSERT INTO metrics_cell_kind (scope_type, scope_id, period, kind, subjects, eur_minor, pln_minor, n_sum, n_median)
       SELECT scope_type, scope_id, period, kind, count(*), sum(eur_minor), sum(pln_minor), sum(n_sum),
              CASE WHEN kind = 'order.first-quote' THEN percentile_disc(0.5) WITHIN GROUP (ORDER BY n_min) END
       FROM metrics_cell_subject GROUP BY scope_type, scope_id, period, kind`,
    );
    // Figures are read from the aggregates now (libs/metrics METRICS_FIGURES), no longer kept.
    await queryRunner.query(`DROP TABLE "metrics_figure"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "metrics_figure" ("scope_type" character varying(10) NOT NULL, "scope_id" uuid NOT NULL, "period" character varying(7) NOT NULL, "kpi" character varying(40) NOT NULL, "value" numeric, CONSTRAINT "PK_a49af3b93fa51796f88d1961ecf" PRIMARY KEY ("scope_type", "scope_id", "period", "kpi"))`,
    );
    await queryRunner.query(`DROP INDEX "public"."metrics_fact_subject_idx"`);
    await queryRunner.query(`DROP TABLE "metrics_cell_kind"`);
    await queryRunner.query(`DROP TABLE "metrics_cell_subject"`);
  }
}
