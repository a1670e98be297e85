import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795697295441 implements MigrationInterface {
  name = 'Initial1795697295441';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cluster" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "name" jsonb NOT NULL, "country" character(2) NOT NULL, "city" character varying(120) NOT NULL, "lat" double precision NOT NULL, "lng" double precision NOT NULL, "partner_cluster_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e70b4db9517e6aba67587991965" UNIQUE ("code"), CONSTRAINT "PK_b09d39b9491ce5cb1e8407761fd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "firm" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "country" character(2) NOT NULL, "nip" character(10), "regon" character varying(14), "krs" character(10), "company_code" character(9), "vat_number" character varying(14), "street" character varying(200) NOT NULL, "city" character varying(120) NOT NULL, "postcode" character varying(12) NOT NULL, "lat" double precision NOT NULL, "lng" double precision NOT NULL, "languages" text array NOT NULL DEFAULT '{}', "size_class" character varying(10) NOT NULL, "nace_codes" jsonb NOT NULL DEFAULT '[]', "certification_codes" text array NOT NULL DEFAULT '{}', "description" text NOT NULL DEFAULT '', "website" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "firm_identifier_check" CHECK ((country = 'PL' AND nip IS NOT NULL) OR (country = 'LT' AND company_code IS NOT NULL)), CONSTRAINT "firm_country_check" CHECK (country IN ('PL', 'LT')), CONSTRAINT "PK_b6e197d72a2ef8bd97a7cbc686e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "firm_company_code_key" ON "firm"  ("company_code") WHERE company_code IS NOT NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "firm_nip_key" ON "firm"  ("nip") WHERE nip IS NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "cluster_membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "firm_id" uuid NOT NULL, "cluster_id" uuid NOT NULL, "status" character varying(10) NOT NULL, "requested_by" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, CONSTRAINT "cluster_membership_status_check" CHECK (status IN ('pending', 'verified', 'rejected')), CONSTRAINT "PK_052f3b313aee038e122a79f3335" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "cluster_membership_cluster_status_idx" ON "cluster_membership"  ("cluster_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "cluster_membership_firm_cluster_key" ON "cluster_membership"  ("firm_id", "cluster_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "password_hash" character varying(200) NOT NULL, "display_name" character varying(120) NOT NULL, "locale" character varying(2) NOT NULL, "time_zone" character varying(40) NOT NULL, "is_platform_admin" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_sign_in_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "cluster_coordinator" ("user_id" uuid NOT NULL, "cluster_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2c64b8771b836fc2aa7b8f2dd56" PRIMARY KEY ("user_id", "cluster_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "cluster_coordinator_cluster_idx" ON "cluster_coordinator"  ("cluster_id") `);
    await queryRunner.query(
      `CREATE TABLE "firm_member" ("user_id" uuid NOT NULL, "firm_id" uuid NOT NULL, "role" character varying(10) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "firm_member_role_check" CHECK (role IN ('admin', 'member')), CONSTRAINT "PK_18a8edeb5fd372b3dda8978f557" PRIMARY KEY ("user_id", "firm_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "firm_member_firm_idx" ON "firm_member"  ("firm_id") `);
    await queryRunner.query(
      `CREATE TABLE "refresh_token" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "secret_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "replaced_by" uuid, CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "refresh_token_user_idx" ON "refresh_token"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "refresh_token_family_idx" ON "refresh_token"  ("family_id") `);
    await queryRunner.query(
      `CREATE TABLE "outbox_event" ("id" uuid NOT NULL, "type" character varying(80) NOT NULL, "aggregate_type" character varying(40) NOT NULL, "aggregate_id" uuid NOT NULL, "payload" jsonb NOT NULL, "actor_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_event_aggregate_idx" ON "outbox_event"  ("aggregate_type", "aggregate_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_event_unpublished_idx" ON "outbox_event"  ("created_at") WHERE published_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_key" ("id" character varying(64) NOT NULL, "operation" character varying(60) NOT NULL, "request_hash" character varying(64) NOT NULL, "result_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_213f125e14469be304f9ff1d452" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "taxonomy_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(80) NOT NULL, "kind" character varying(20) NOT NULL, "parent_id" uuid, "labels" jsonb NOT NULL, "synonyms" jsonb NOT NULL, "meta" jsonb NOT NULL DEFAULT '{}', "sort_order" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f44bcd9d0b7cd073a9fa50b754e" UNIQUE ("code"), CONSTRAINT "PK_00baa45e6759d3f376c26dbcd71" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "taxonomy_entry_kind_idx" ON "taxonomy_entry"  ("kind") `);
    await queryRunner.query(
      `CREATE TABLE "offer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "firm_id" uuid NOT NULL, "firm_country" character(2) NOT NULL, "status" character varying(10) NOT NULL, "language" character varying(2) NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL, "translations" jsonb NOT NULL DEFAULT '[]', "process_ids" uuid array NOT NULL, "material_ids" uuid array NOT NULL DEFAULT '{}', "certification_ids" uuid array NOT NULL DEFAULT '{}', "capability_ids" uuid array NOT NULL, "max_part_length_mm" double precision, "max_part_width_mm" double precision, "max_part_height_mm" double precision, "min_thickness_mm" double precision, "max_thickness_mm" double precision, "tolerance_mm" double precision, "min_batch" integer, "max_batch" integer, "monthly_capacity" integer, "capacity_unit" character varying(4), "lead_time_days" integer NOT NULL, "price_minor" bigint, "price_currency" character(3), "price_unit" character varying(4), "countries_served" character(2) array NOT NULL, "valid_until" TIMESTAMP WITH TIME ZONE NOT NULL, "published_at" TIMESTAMP(3) WITH TIME ZONE, "archived_at" TIMESTAMP WITH TIME ZONE, "archive_reason" character varying(10), "expiry_reminded_at" TIMESTAMP WITH TIME ZONE, "search_text" text NOT NULL, "search_vector" tsvector, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "offer_price_check" CHECK ((price_minor IS NULL) = (price_currency IS NULL) AND (price_minor IS NULL OR price_minor >= 0)), CONSTRAINT "offer_language_check" CHECK (language IN ('en', 'pl', 'lt')), CONSTRAINT "offer_status_check" CHECK (status IN ('draft', 'published', 'archived')), CONSTRAINT "PK_57c6ae1abe49201919ef68de900" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "offer_valid_until_published_idx" ON "offer"  ("valid_until") WHERE status = 'published'`,
    );
    await queryRunner.query(`CREATE INDEX "offer_firm_idx" ON "offer"  ("firm_id", "status") `);
    await queryRunner.query(
      `ALTER TABLE "cluster" ADD CONSTRAINT "FK_d01e875094c42d0f51a0bf08410" FOREIGN KEY ("partner_cluster_id") REFERENCES "cluster"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_membership" ADD CONSTRAINT "FK_1ebbe9ec517297a1a2c0d5c36ba" FOREIGN KEY ("firm_id") REFERENCES "firm"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_membership" ADD CONSTRAINT "FK_73f263081d251edfdb92d5fa379" FOREIGN KEY ("cluster_id") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_coordinator" ADD CONSTRAINT "FK_03afc7eb258ed8e70608509820d" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_coordinator" ADD CONSTRAINT "FK_b842e56b14f00b42e8f62520948" FOREIGN KEY ("cluster_id") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "firm_member" ADD CONSTRAINT "FK_135811d4c8869691fb8ca7499e1" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "firm_member" ADD CONSTRAINT "FK_3455f9044d19775bec7d14a402f" FOREIGN KEY ("firm_id") REFERENCES "firm"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_token" ADD CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "taxonomy_entry" ADD CONSTRAINT "FK_a9a35b431127826fc4044666345" FOREIGN KEY ("parent_id") REFERENCES "taxonomy_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "offer" ADD CONSTRAINT "FK_cab4095818a41d1e5c64666789f" FOREIGN KEY ("firm_id") REFERENCES "firm"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offer" DROP CONSTRAINT "FK_cab4095818a41d1e5c64666789f"`);
    await queryRunner.query(`ALTER TABLE "taxonomy_entry" DROP CONSTRAINT "FK_a9a35b431127826fc4044666345"`);
    await queryRunner.query(`ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4"`);
    await queryRunner.query(`ALTER TABLE "firm_member" DROP CONSTRAINT "FK_3455f9044d19775bec7d14a402f"`);
    await queryRunner.query(`ALTER TABLE "firm_member" DROP CONSTRAINT "FK_135811d4c8869691fb8ca7499e1"`);
    await queryRunner.query(`ALTER TABLE "cluster_coordinator" DROP CONSTRAINT "FK_b842e56b14f00b42e8f62520948"`);
    await queryRunner.query(`ALTER TABLE "cluster_coordinator" DROP CONSTRAINT "FK_03afc7eb258ed8e70608509820d"`);
    await queryRunner.query(`ALTER TABLE "cluster_membership" DROP CONSTRAINT "FK_73f263081d251edfdb92d5fa379"`);
    await queryRunner.query(`ALTER TABLE "cluster_membership" DROP CONSTRAINT "FK_1ebbe9ec517297a1a2c0d5c36ba"`);
    await queryRunner.query(`ALTER TABLE "cluster" DROP CONSTRAINT "FK_d01e875094c42d0f51a0bf08410"`);
    await queryRunner.query(`DROP INDEX "public"."offer_firm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."offer_valid_until_published_idx"`);
    await queryRunner.query(`DROP TABLE "offer"`);
    await queryRunner.query(`DROP INDEX "public"."taxonomy_entry_kind_idx"`);
    await queryRunner.query(`DROP TABLE "taxonomy_entry"`);
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_event_unpublished_idx"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_event_aggregate_idx"`);
    await queryRunner.query(`DROP TABLE "outbox_event"`);
    await queryRunner.query(`DROP INDEX "public"."refresh_token_family_idx"`);
    await queryRunner.query(`DROP INDEX "public"."refresh_token_user_idx"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP INDEX "public"."firm_member_firm_idx"`);
    await queryRunner.query(`DROP TABLE "firm_member"`);
    await queryRunner.query(`DROP INDEX "public"."cluster_coordinator_cluster_idx"`);
    await queryRunner.query(`DROP TABLE "cluster_coordinator"`);
    await queryRunner.query(`DROP INDEX "public"."app_user_email_key"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP INDEX "public"."cluster_membership_firm_cluster_key"`);
    await queryRunner.query(`DROP INDEX "public"."cluster_membership_cluster_status_idx"`);
    await queryRunner.query(`DROP TABLE "cluster_membership"`);
    await queryRunner.query(`DROP INDEX "public"."firm_nip_key"`);
    await queryRunner.query(`DROP INDEX "public"."firm_company_code_key"`);
    await queryRunner.query(`DROP TABLE "firm"`);
    await queryRunner.query(`DROP TABLE "cluster"`);
  }
}
