import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1795717363536 implements MigrationInterface {
  name = 'Webhooks1795717363536';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "webhook_endpoint" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "firm_id" uuid NOT NULL, "url" character varying(2000) NOT NULL, "description" character varying(200) NOT NULL DEFAULT '', "kinds" text array NOT NULL DEFAULT '{}', "secret" character varying(80) NOT NULL, "previous_secret" character varying(80), "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "disabled_at" TIMESTAMP WITH TIME ZONE, "disabled_reason" character varying(200), "consecutive_failures" integer NOT NULL DEFAULT '0', "last_success_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6c98112122b2b8a4f3984d2efa8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "webhook_endpoint_firm_idx" ON "webhook_endpoint"  ("firm_id") `);
    await queryRunner.query(
      `CREATE TABLE "webhook_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "endpoint_id" uuid NOT NULL, "event_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "body" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_status_code" integer, "last_error" character varying(500), "next_attempt_at" TIMESTAMP WITH TIME ZONE, "succeeded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "webhook_delivery_endpoint_event_kind_key" UNIQUE ("endpoint_id", "event_id", "kind"), CONSTRAINT "webhook_delivery_status_check" CHECK (status IN ('pending', 'succeeded', 'failed', 'skipped')), CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_delivery_endpoint_created_idx" ON "webhook_delivery"  ("endpoint_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delivery_id" uuid NOT NULL, "attempted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "status_code" integer, "duration_ms" integer NOT NULL, "error" character varying(500), "response_excerpt" character varying(1024), CONSTRAINT "PK_e4ff77b66cdd20591ba6189a1f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_attempt_delivery_idx" ON "webhook_attempt"  ("delivery_id", "attempted_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "FK_e5fabb8d19daa9d517fba77c88c" FOREIGN KEY ("firm_id") REFERENCES "firm"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_delivery" ADD CONSTRAINT "FK_f53f5aec02217a54927b13e39d9" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoint"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_attempt" ADD CONSTRAINT "FK_d7ed48c4841159bfd6bdee166ea" FOREIGN KEY ("delivery_id") REFERENCES "webhook_delivery"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_attempt" DROP CONSTRAINT "FK_d7ed48c4841159bfd6bdee166ea"`);
    await queryRunner.query(`ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_f53f5aec02217a54927b13e39d9"`);
    await queryRunner.query(`ALTER TABLE "webhook_endpoint" DROP CONSTRAINT "FK_e5fabb8d19daa9d517fba77c88c"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_attempt_delivery_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_attempt"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_delivery_endpoint_created_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_endpoint_firm_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoint"`);
  }
}
