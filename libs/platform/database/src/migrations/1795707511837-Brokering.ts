import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Brokering1795707511837 implements MigrationInterface {
  name = 'Brokering1795707511837';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "match_action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "match_id" uuid NOT NULL, "action" character varying(30) NOT NULL, "actor_user_id" uuid NOT NULL, "cluster_id" uuid, "from_status" character varying(20) NOT NULL, "to_status" character varying(20) NOT NULL, "note" text NOT NULL DEFAULT '', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "match_action_action_check" CHECK (action IN ('endorsed', 'dismissed', 'invited', 'introduction_requested', 'introduction_approved', 'handed_over', 'declined')), CONSTRAINT "PK_7723f37f3081e25eb45a88838ae" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "match_action_cluster_idx" ON "match_action"  ("cluster_id", "at") `);
    await queryRunner.query(`CREATE INDEX "match_action_match_idx" ON "match_action"  ("match_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "cluster_matching_setting" ("cluster_id" uuid NOT NULL, "cross_border_weight" double precision NOT NULL, "introductions_need_approval" boolean NOT NULL DEFAULT true, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cluster_matching_setting_weight_check" CHECK (cross_border_weight >= 0 AND cross_border_weight <= 1), CONSTRAINT "PK_e568543fc3f6fcc18dea0acbfd0" PRIMARY KEY ("cluster_id"))`,
    );
    // Written by hand from the generated diff, so that matches already stored keep their decisions: the cluster
    // brokering each match is its order's, an earlier "introduced" is now "endorsed", and each decision is logged.
    await queryRunner.query(`ALTER TABLE "package_match" ADD "handled_by_cluster_id" uuid`);
    await queryRunner.query(
      `UPDATE "package_match" p SET "handled_by_cluster_id" = o."cluster_id" FROM "cooperative_order" o WHERE o."id" = p."order_id"`,
    );
    await queryRunner.query(`ALTER TABLE "package_match" ALTER COLUMN "handled_by_cluster_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "package_match" ADD "order_side_approved_by" uuid`);
    await queryRunner.query(`ALTER TABLE "package_match" ADD "firm_side_approved_by" uuid`);
    await queryRunner.query(`ALTER TABLE "package_match" ADD "quote_id" uuid`);
    await queryRunner.query(`ALTER TABLE "package_match" ADD "status_changed_by" uuid`);
    await queryRunner.query(`ALTER TABLE "package_match" ADD "status_changed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP CONSTRAINT "package_match_status_check"`);
    await queryRunner.query(`ALTER TABLE "package_match" ALTER COLUMN "status" TYPE character varying(20)`);
    await queryRunner.query(`UPDATE "package_match" SET "status" = 'endorsed' WHERE "status" = 'introduced'`);
    await queryRunner.query(
      `UPDATE "package_match" SET "status_changed_by" = "decided_by", "status_changed_at" = "decided_at" WHERE "decided_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "match_action" ("match_id", "action", "actor_user_id", "cluster_id", "from_status", "to_status", "at")
       SELECT p."id", p."status", p."decided_by", p."handled_by_cluster_id", 'proposed', p."status", p."decided_at"
       FROM "package_match" p WHERE p."decided_by" IS NOT NULL AND p."status" IN ('endorsed', 'dismissed')`,
    );
    await queryRunner.query(`ALTER TABLE "package_match" DROP COLUMN "decided_by"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP COLUMN "decided_at"`);
    await queryRunner.query(`ALTER TABLE "order_match_run" ADD "chains" jsonb`);
    await queryRunner.query(`CREATE INDEX "order_invitation_firm_idx" ON "order_invitation" ("firm_id")`);
    await queryRunner.query(
      `CREATE INDEX "outbox_event_handed_over_firm_idx" ON "outbox_event" ((payload->>'firmId')) WHERE type = 'package.handed-over'`,
    );
    await queryRunner.query(
      `ALTER TABLE "package_match" ADD "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`UPDATE "package_match" SET "proposed_at" = "computed_at"`);
    await queryRunner.query(
      `CREATE INDEX "package_match_handled_idx" ON "package_match"  ("handled_by_cluster_id", "status") `,
    );
    await queryRunner.query(
      `ALTER TABLE "package_match" ADD CONSTRAINT "package_match_status_check" CHECK (status IN ('proposed', 'endorsed', 'dismissed', 'awaiting_approval', 'invited', 'declined', 'quoted', 'awarded', 'lost'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "package_match" ADD CONSTRAINT "FK_5b9ccf38cdac0267565076b620e" FOREIGN KEY ("handled_by_cluster_id") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "package_match" ADD CONSTRAINT "FK_d2c54be4741e0a7d18b4acfdd4b" FOREIGN KEY ("quote_id") REFERENCES "quote"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_action" ADD CONSTRAINT "FK_0d5e1c4fe1168a4230c9e8bb58b" FOREIGN KEY ("match_id") REFERENCES "package_match"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_matching_setting" ADD CONSTRAINT "FK_e568543fc3f6fcc18dea0acbfd0" FOREIGN KEY ("cluster_id") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cluster_matching_setting" DROP CONSTRAINT "FK_e568543fc3f6fcc18dea0acbfd0"`);
    await queryRunner.query(`ALTER TABLE "match_action" DROP CONSTRAINT "FK_0d5e1c4fe1168a4230c9e8bb58b"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP CONSTRAINT "FK_d2c54be4741e0a7d18b4acfdd4b"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP CONSTRAINT "FK_5b9ccf38cdac0267565076b620e"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP CONSTRAINT "package_match_status_check"`);
    await queryRunner.query(`DROP INDEX "public"."package_match_handled_idx"`);
    await queryRunner.query(
      `UPDATE "package_match" SET "status" = CASE WHEN "status" = 'dismissed' THEN 'dismissed' WHEN "status" = 'proposed' THEN 'proposed' ELSE 'introduced' END`,
    );
    await queryRunner.query(`ALTER TABLE "package_match" ALTER COLUMN "status" TYPE character varying(12)`);
    await queryRunner.query(
      `ALTER TABLE "package_match" ADD CONSTRAINT "package_match_status_check" CHECK (((status)::text = ANY ((ARRAY['proposed'::character varying, 'introduced'::character varying, 'dismissed'::character varying])::text[])))`,
    );
    await queryRunner.query(`ALTER TABLE "package_match" DROP COLUMN "status_changed_at"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP COLUMN "status_changed_by"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP COLUMN "quote_id"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP COLUMN "firm_side_approved_by"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP COLUMN "order_side_approved_by"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP COLUMN "handled_by_cluster_id"`);
    await queryRunner.query(`ALTER TABLE "package_match" ADD "decided_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "package_match" ADD "decided_by" uuid`);
    await queryRunner.query(
      `UPDATE "package_match" SET "decided_by" = "status_changed_by", "decided_at" = "status_changed_at" WHERE "status" <> 'proposed'`,
    );
    await queryRunner.query(`ALTER TABLE "order_match_run" DROP COLUMN "chains"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_event_handed_over_firm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."order_invitation_firm_idx"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP COLUMN "proposed_at"`);
    await queryRunner.query(`DROP TABLE "cluster_matching_setting"`);
    await queryRunner.query(`DROP INDEX "public"."match_action_match_idx"`);
    await queryRunner.query(`DROP INDEX "public"."match_action_cluster_idx"`);
    await queryRunner.query(`DROP TABLE "match_action"`);
  }
}
