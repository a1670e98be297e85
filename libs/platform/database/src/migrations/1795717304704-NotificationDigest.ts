import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationDigest1795717304704 implements MigrationInterface {
  name = 'NotificationDigest1795717304704';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_digest" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "local_date" date NOT NULL, "notification_count" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_digest_user_date_key" UNIQUE ("user_id", "local_date"), CONSTRAINT "PK_2c7b26f22e8e8ef9774d9878736" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_settings" ("user_id" uuid NOT NULL, "digest_hour" smallint NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_settings_digest_hour_check" CHECK (digest_hour BETWEEN 0 AND 23), CONSTRAINT "PK_91a7ffebe8b406c4470845d4781" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "notification" ADD "digest_id" uuid`);
    // Hand-edited: the generator would drop the users' e-mail choices. Each carries over: on → immediately, off → off.
    await queryRunner.query(`ALTER TABLE "notification_preference" ADD "email_mode" character varying(16)`);
    await queryRunner.query(
      `UPDATE "notification_preference" SET "email_mode" = CASE WHEN "email" THEN 'immediately' ELSE 'off' END`,
    );
    await queryRunner.query(`ALTER TABLE "notification_preference" ALTER COLUMN "email_mode" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notification_preference" DROP COLUMN "email"`);
    await queryRunner.query(
      `CREATE INDEX "notification_unmailed_unread_idx" ON "notification"  ("created_at") WHERE emailed_at IS NULL AND read_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_email_mode_check" CHECK (email_mode IN ('off', 'immediately', 'daily_digest'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_digest" ADD CONSTRAINT "FK_a90a56c6325a3eb952b3394eb45" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_settings" ADD CONSTRAINT "FK_91a7ffebe8b406c4470845d4781" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_2c7b26f22e8e8ef9774d9878736" FOREIGN KEY ("digest_id") REFERENCES "notification_digest"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_2c7b26f22e8e8ef9774d9878736"`);
    await queryRunner.query(`ALTER TABLE "notification_settings" DROP CONSTRAINT "FK_91a7ffebe8b406c4470845d4781"`);
    await queryRunner.query(`ALTER TABLE "notification_digest" DROP CONSTRAINT "FK_a90a56c6325a3eb952b3394eb45"`);
    await queryRunner.query(
      `ALTER TABLE "notification_preference" DROP CONSTRAINT "notification_preference_email_mode_check"`,
    );
    await queryRunner.query(`DROP INDEX "public"."notification_unmailed_unread_idx"`);
    // Back to on/off: the digest counts as e-mail on.
    await queryRunner.query(`ALTER TABLE "notification_preference" ADD "email" boolean`);
    await queryRunner.query(`UPDATE "notification_preference" SET "email" = "email_mode" <> 'off'`);
    await queryRunner.query(`ALTER TABLE "notification_preference" ALTER COLUMN "email" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notification_preference" DROP COLUMN "email_mode"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "digest_id"`);
    await queryRunner.query(`DROP TABLE "notification_settings"`);
    await queryRunner.query(`DROP TABLE "notification_digest"`);
  }
}
