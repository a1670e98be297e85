import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795710705250 implements MigrationInterface {
  name = 'Notifications1795710705250';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "event_id" uuid NOT NULL, "locale" character varying(2) NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "links" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notification_user_event_kind_key" UNIQUE ("user_id", "event_id", "kind"), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_user_unread_idx" ON "notification"  ("user_id") WHERE read_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_user_created_idx" ON "notification"  ("user_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"`);
    await queryRunner.query(`DROP INDEX "public"."notification_user_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notification_user_unread_idx"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
