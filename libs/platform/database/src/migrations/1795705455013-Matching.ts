import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Matching1795705455013 implements MigrationInterface {
  name = 'Matching1795705455013';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "package_match" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "package_id" uuid NOT NULL, "firm_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "rank" integer, "score" double precision NOT NULL, "parts" jsonb NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'proposed', "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "package_match_package_firm_key" UNIQUE ("package_id", "firm_id"), CONSTRAINT "package_match_score_check" CHECK (score >= 0 AND score <= 1), CONSTRAINT "package_match_status_check" CHECK (status IN ('proposed', 'introduced', 'dismissed')), CONSTRAINT "PK_b0b5042245522a486f21d4b9ebb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "package_match_firm_idx" ON "package_match"  ("firm_id") `);
    await queryRunner.query(
      `CREATE INDEX "package_match_order_idx" ON "package_match"  ("order_id", "package_id", "rank") `,
    );
    await queryRunner.query(
      `CREATE TABLE "order_match_run" ("order_id" uuid NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "matches" integer NOT NULL, CONSTRAINT "PK_a84abb88d2b0dacddf365ee1ded" PRIMARY KEY ("order_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "package_match" ADD CONSTRAINT "FK_082277bc8f911b58b13bbca186b" FOREIGN KEY ("order_id") REFERENCES "cooperative_order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "package_match" ADD CONSTRAINT "FK_607be741f35f350ae525ef190a4" FOREIGN KEY ("package_id") REFERENCES "work_package"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "package_match" ADD CONSTRAINT "FK_aeae28b0e7efe44a1f6fcafc79a" FOREIGN KEY ("firm_id") REFERENCES "firm"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "package_match" ADD CONSTRAINT "FK_9100dcaaf1a93ece90f34259a7f" FOREIGN KEY ("offer_id") REFERENCES "offer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_match_run" ADD CONSTRAINT "FK_a84abb88d2b0dacddf365ee1ded" FOREIGN KEY ("order_id") REFERENCES "cooperative_order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order_match_run" DROP CONSTRAINT "FK_a84abb88d2b0dacddf365ee1ded"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP CONSTRAINT "FK_9100dcaaf1a93ece90f34259a7f"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP CONSTRAINT "FK_aeae28b0e7efe44a1f6fcafc79a"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP CONSTRAINT "FK_607be741f35f350ae525ef190a4"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP CONSTRAINT "FK_082277bc8f911b58b13bbca186b"`);
    await queryRunner.query(`DROP TABLE "order_match_run"`);
    await queryRunner.query(`DROP INDEX "public"."package_match_order_idx"`);
    await queryRunner.query(`DROP INDEX "public"."package_match_firm_idx"`);
    await queryRunner.query(`DROP TABLE "package_match"`);
  }
}
