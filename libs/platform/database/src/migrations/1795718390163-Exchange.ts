import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Exchange1795718390163 implements MigrationInterface {
  name = 'Exchange1795718390163';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "exchange_post" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cluster_id" uuid NOT NULL, "author_user_id" uuid NOT NULL, "topic" character varying(20) NOT NULL, "title" character varying(200) NOT NULL, "body" text NOT NULL, "language" character varying(2) NOT NULL, "order_id" uuid, "offer_id" uuid, "firm_id" uuid, "forwarded_to_firm_ids" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "exchange_post_language_check" CHECK (language IN ('en', 'pl', 'lt')), CONSTRAINT "exchange_post_topic_check" CHECK (topic IN ('good_practice', 'cooperation_offer', 'question', 'forward')), CONSTRAINT "PK_a635a81fbe638369150e0af30e4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "exchange_post_cluster_created_idx" ON "exchange_post"  ("cluster_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "exchange_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "cluster_id" uuid NOT NULL, "author_user_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_df2a12f5d31ad24100dbc675e99" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "exchange_comment_post_idx" ON "exchange_comment"  ("post_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "exchange_post" ADD CONSTRAINT "FK_51260d65489754c253b860616b4" FOREIGN KEY ("cluster_id") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "exchange_post" ADD CONSTRAINT "FK_b2510bbb9e133092a45ae3a6909" FOREIGN KEY ("author_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "exchange_comment" ADD CONSTRAINT "FK_c98d5f9cbcb49ac9495a8cb0fed" FOREIGN KEY ("post_id") REFERENCES "exchange_post"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "exchange_comment" ADD CONSTRAINT "FK_aac4e609d164bb3b1b6c987f3da" FOREIGN KEY ("author_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exchange_comment" DROP CONSTRAINT "FK_aac4e609d164bb3b1b6c987f3da"`);
    await queryRunner.query(`ALTER TABLE "exchange_comment" DROP CONSTRAINT "FK_c98d5f9cbcb49ac9495a8cb0fed"`);
    await queryRunner.query(`ALTER TABLE "exchange_post" DROP CONSTRAINT "FK_b2510bbb9e133092a45ae3a6909"`);
    await queryRunner.query(`ALTER TABLE "exchange_post" DROP CONSTRAINT "FK_51260d65489754c253b860616b4"`);
    await queryRunner.query(`DROP INDEX "public"."exchange_comment_post_idx"`);
    await queryRunner.query(`DROP TABLE "exchange_comment"`);
    await queryRunner.query(`DROP INDEX "public"."exchange_post_cluster_created_idx"`);
    await queryRunner.query(`DROP TABLE "exchange_post"`);
  }
}
