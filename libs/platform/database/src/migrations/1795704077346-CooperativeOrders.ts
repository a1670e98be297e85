import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CooperativeOrders1795704077346 implements MigrationInterface {
  name = 'CooperativeOrders1795704077346';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cooperative_order" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "buyer_firm_id" uuid NOT NULL, "cluster_id" uuid NOT NULL, "status" character varying(12) NOT NULL, "language" character varying(2) NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "delivery_street" character varying(200) NOT NULL, "delivery_city" character varying(120) NOT NULL, "delivery_postcode" character varying(12) NOT NULL, "delivery_country" character(2) NOT NULL, "delivery_lat" double precision NOT NULL, "delivery_lng" double precision NOT NULL, "delivery_date" TIMESTAMP WITH TIME ZONE NOT NULL, "currency" character(3) NOT NULL, "budget_minor" bigint, "visibility" character varying(20) NOT NULL, "quote_deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP(3) WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" text, "status_changed_by" uuid, "status_changed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "cooperative_order_currency_check" CHECK (currency IN ('PLN', 'EUR')), CONSTRAINT "cooperative_order_visibility_check" CHECK (visibility IN ('cluster', 'partner_clusters', 'invited')), CONSTRAINT "cooperative_order_status_check" CHECK (status IN ('draft', 'open', 'awarded', 'in_progress', 'completed', 'cancelled')), CONSTRAINT "PK_114e95647f74e5229dc8561e409" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "cooperative_order_open_idx" ON "cooperative_order"  ("cluster_id", "quote_deadline") WHERE status = 'open'`,
    );
    await queryRunner.query(
      `CREATE INDEX "cooperative_order_buyer_idx" ON "cooperative_order"  ("buyer_firm_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "work_package" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "key" character varying(40) NOT NULL, "position" integer NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "process_id" uuid NOT NULL, "material_id" uuid, "quantity" integer NOT NULL, "quantity_unit" character varying(4) NOT NULL, "max_part_length_mm" double precision, "max_part_width_mm" double precision, "max_part_height_mm" double precision, "thickness_mm" double precision, "tolerance_mm" double precision, "required_certification_ids" uuid array NOT NULL DEFAULT '{}', "due_date" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(14) NOT NULL, "awarded_leg_id" uuid, "awarded_firm_id" uuid, "awarded_at" TIMESTAMP WITH TIME ZONE, "status_changed_by" uuid, "status_changed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "work_package_quantity_check" CHECK (quantity > 0), CONSTRAINT "work_package_status_check" CHECK (status IN ('open', 'awarded', 'in_production', 'handed_over', 'accepted')), CONSTRAINT "PK_5cf73dfb528b7e100bb359693ca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "work_package_order_key" ON "work_package"  ("order_id", "key") `);
    await queryRunner.query(
      `CREATE TABLE "work_package_dependency" ("package_id" uuid NOT NULL, "predecessor_id" uuid NOT NULL, CONSTRAINT "PK_bf90e50fe1fe156c662b24c7553" PRIMARY KEY ("package_id", "predecessor_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "work_package_dependency_predecessor_idx" ON "work_package_dependency"  ("predecessor_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "order_invitation" ("order_id" uuid NOT NULL, "firm_id" uuid NOT NULL, "invited_by" uuid NOT NULL, "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4c230eeed4291361ada72f7d3e2" PRIMARY KEY ("order_id", "firm_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "quote" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "lead_firm_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "current_version" integer NOT NULL, "valid_until" TIMESTAMP WITH TIME ZONE NOT NULL, "notes" text NOT NULL DEFAULT '', "submitted_by" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "quote_status_check" CHECK (status IN ('pending_partners', 'submitted', 'withdrawn')), CONSTRAINT "PK_b772d4cb09e587c8c72a78d2439" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "quote_lead_firm_idx" ON "quote"  ("lead_firm_id") `);
    await queryRunner.query(`CREATE INDEX "quote_order_idx" ON "quote"  ("order_id") `);
    await queryRunner.query(
      `CREATE TABLE "quote_leg" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "quote_id" uuid NOT NULL, "version" integer NOT NULL, "package_id" uuid NOT NULL, "firm_id" uuid NOT NULL, "price_minor" bigint NOT NULL, "currency" character(3) NOT NULL, "lead_time_days" integer NOT NULL, "notes" text NOT NULL DEFAULT '', "confirmed_by" uuid, "confirmed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "quote_leg_currency_check" CHECK (currency IN ('PLN', 'EUR')), CONSTRAINT "quote_leg_price_check" CHECK (price_minor >= 0), CONSTRAINT "PK_83e722fff7d4e9f7f46f1c85d84" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "quote_leg_firm_idx" ON "quote_leg"  ("firm_id") `);
    await queryRunner.query(`CREATE INDEX "quote_leg_package_idx" ON "quote_leg"  ("package_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "quote_leg_version_package_key" ON "quote_leg"  ("quote_id", "version", "package_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "exchange_rate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" character varying(8) NOT NULL, "base" character(3) NOT NULL, "quote" character(3) NOT NULL, "rate" numeric(18,8) NOT NULL, "effective_date" date NOT NULL, "table_no" character varying(40), "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "exchange_rate_rate_check" CHECK (rate > 0), CONSTRAINT "exchange_rate_source_check" CHECK (source IN ('NBP', 'ECB')), CONSTRAINT "PK_5c5d27d2b900ef6cdeef0398472" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "exchange_rate_pair_date_key" ON "exchange_rate"  ("source", "base", "quote", "effective_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "quote_id" uuid, "author_user_id" uuid NOT NULL, "author_firm_id" uuid, "body" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "message_body_check" CHECK (char_length(body) BETWEEN 1 AND 5000), CONSTRAINT "PK_ba01f0a3e0123651915008bc578" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "message_thread_idx" ON "message"  ("order_id", "quote_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "message_read" ("user_id" uuid NOT NULL, "order_id" uuid NOT NULL, "thread_key" text NOT NULL, "last_read_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "message_read_thread_key_check" CHECK (thread_key = 'order' OR thread_key ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'), CONSTRAINT "PK_b30528b684da53bd68efbc4ab38" PRIMARY KEY ("user_id", "order_id", "thread_key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "order_document" ("id" uuid NOT NULL, "order_id" uuid NOT NULL, "package_id" uuid, "quote_id" uuid, "file_name" character varying(200) NOT NULL, "kind" character varying(10) NOT NULL, "mime" character varying(100) NOT NULL, "size_bytes" bigint NOT NULL, "sha256" character(64) NOT NULL, "uploaded_by" uuid NOT NULL, "uploaded_by_firm_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "order_document_size_check" CHECK (size_bytes > 0), CONSTRAINT "order_document_kind_check" CHECK (kind IN ('pdf', 'png', 'jpeg', 'dwg', 'dxf', 'step')), CONSTRAINT "PK_1bbaf97b70f821e3ca4c8a87ed5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "order_document_package_idx" ON "order_document"  ("package_id") `);
    await queryRunner.query(`CREATE INDEX "order_document_order_idx" ON "order_document"  ("order_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "cooperative_order" ADD CONSTRAINT "FK_891a34571cc8d9e2b7ca6c7201a" FOREIGN KEY ("buyer_firm_id") REFERENCES "firm"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cooperative_order" ADD CONSTRAINT "FK_d3e1b17d43a7e069373b7120758" FOREIGN KEY ("cluster_id") REFERENCES "cluster"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "work_package" ADD CONSTRAINT "FK_6c3bc5bf815deed627589fc0a7b" FOREIGN KEY ("order_id") REFERENCES "cooperative_order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "work_package" ADD CONSTRAINT "FK_aafb11f020b180ad4c3685df5d8" FOREIGN KEY ("process_id") REFERENCES "taxonomy_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "work_package" ADD CONSTRAINT "FK_1d80150051c291a3b99b97a4e8b" FOREIGN KEY ("material_id") REFERENCES "taxonomy_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "work_package_dependency" ADD CONSTRAINT "FK_2b8fbf1d9bc80db797526f55690" FOREIGN KEY ("package_id") REFERENCES "work_package"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "work_package_dependency" ADD CONSTRAINT "FK_5c564974c737f3584475fa999d0" FOREIGN KEY ("predecessor_id") REFERENCES "work_package"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_invitation" ADD CONSTRAINT "FK_0ee3c3e0c1f9d22878f3ad31d65" FOREIGN KEY ("order_id") REFERENCES "cooperative_order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_invitation" ADD CONSTRAINT "FK_7f680a58d91eab19a6d3838a3c7" FOREIGN KEY ("firm_id") REFERENCES "firm"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quote" ADD CONSTRAINT "FK_6e1be2acabad9d8fd6c88479473" FOREIGN KEY ("order_id") REFERENCES "cooperative_order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quote" ADD CONSTRAINT "FK_86cb9fd7d45745e1ba8c7a44d50" FOREIGN KEY ("lead_firm_id") REFERENCES "firm"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quote_leg" ADD CONSTRAINT "FK_34ead5ccae598ba041b758694c9" FOREIGN KEY ("quote_id") REFERENCES "quote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quote_leg" ADD CONSTRAINT "FK_edcd91692af00ac5ec3b5420d75" FOREIGN KEY ("package_id") REFERENCES "work_package"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quote_leg" ADD CONSTRAINT "FK_3b92cd5609c3030dac796ca60e8" FOREIGN KEY ("firm_id") REFERENCES "firm"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "message" ADD CONSTRAINT "FK_a249d6abd5b2dacca134cfea125" FOREIGN KEY ("order_id") REFERENCES "cooperative_order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "message" ADD CONSTRAINT "FK_d1534a498afdd979929294bd845" FOREIGN KEY ("quote_id") REFERENCES "quote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "message" ADD CONSTRAINT "FK_489192a7d38d587b164916970d7" FOREIGN KEY ("author_firm_id") REFERENCES "firm"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "message_read" ADD CONSTRAINT "FK_9dd78c73f2814b62a73f7d05886" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "message_read" ADD CONSTRAINT "FK_eade704999e6ab2a1a6b49c8dfd" FOREIGN KEY ("order_id") REFERENCES "cooperative_order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_document" ADD CONSTRAINT "FK_1e0aefb49443bf24c6804e3be08" FOREIGN KEY ("order_id") REFERENCES "cooperative_order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_document" ADD CONSTRAINT "FK_1b7391ff252fe1069b6cea43b5b" FOREIGN KEY ("package_id") REFERENCES "work_package"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_document" ADD CONSTRAINT "FK_030ede219877f8cb58b67d59958" FOREIGN KEY ("quote_id") REFERENCES "quote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order_document" DROP CONSTRAINT "FK_030ede219877f8cb58b67d59958"`);
    await queryRunner.query(`ALTER TABLE "order_document" DROP CONSTRAINT "FK_1b7391ff252fe1069b6cea43b5b"`);
    await queryRunner.query(`ALTER TABLE "order_document" DROP CONSTRAINT "FK_1e0aefb49443bf24c6804e3be08"`);
    await queryRunner.query(`ALTER TABLE "message_read" DROP CONSTRAINT "FK_eade704999e6ab2a1a6b49c8dfd"`);
    await queryRunner.query(`ALTER TABLE "message_read" DROP CONSTRAINT "FK_9dd78c73f2814b62a73f7d05886"`);
    await queryRunner.query(`ALTER TABLE "message" DROP CONSTRAINT "FK_489192a7d38d587b164916970d7"`);
    await queryRunner.query(`ALTER TABLE "message" DROP CONSTRAINT "FK_d1534a498afdd979929294bd845"`);
    await queryRunner.query(`ALTER TABLE "message" DROP CONSTRAINT "FK_a249d6abd5b2dacca134cfea125"`);
    await queryRunner.query(`ALTER TABLE "quote_leg" DROP CONSTRAINT "FK_3b92cd5609c3030dac796ca60e8"`);
    await queryRunner.query(`ALTER TABLE "quote_leg" DROP CONSTRAINT "FK_edcd91692af00ac5ec3b5420d75"`);
    await queryRunner.query(`ALTER TABLE "quote_leg" DROP CONSTRAINT "FK_34ead5ccae598ba041b758694c9"`);
    await queryRunner.query(`ALTER TABLE "quote" DROP CONSTRAINT "FK_86cb9fd7d45745e1ba8c7a44d50"`);
    await queryRunner.query(`ALTER TABLE "quote" DROP CONSTRAINT "FK_6e1be2acabad9d8fd6c88479473"`);
    await queryRunner.query(`ALTER TABLE "order_invitation" DROP CONSTRAINT "FK_7f680a58d91eab19a6d3838a3c7"`);
    await queryRunner.query(`ALTER TABLE "order_invitation" DROP CONSTRAINT "FK_0ee3c3e0c1f9d22878f3ad31d65"`);
    await queryRunner.query(`ALTER TABLE "work_package_dependency" DROP CONSTRAINT "FK_5c564974c737f3584475fa999d0"`);
    await queryRunner.query(`ALTER TABLE "work_package_dependency" DROP CONSTRAINT "FK_2b8fbf1d9bc80db797526f55690"`);
    await queryRunner.query(`ALTER TABLE "work_package" DROP CONSTRAINT "FK_1d80150051c291a3b99b97a4e8b"`);
    await queryRunner.query(`ALTER TABLE "work_package" DROP CONSTRAINT "FK_aafb11f020b180ad4c3685df5d8"`);
    await queryRunner.query(`ALTER TABLE "work_package" DROP CONSTRAINT "FK_6c3bc5bf815deed627589fc0a7b"`);
    await queryRunner.query(`ALTER TABLE "cooperative_order" DROP CONSTRAINT "FK_d3e1b17d43a7e069373b7120758"`);
    await queryRunner.query(`ALTER TABLE "cooperative_order" DROP CONSTRAINT "FK_891a34571cc8d9e2b7ca6c7201a"`);
    await queryRunner.query(`DROP INDEX "public"."order_document_order_idx"`);
    await queryRunner.query(`DROP INDEX "public"."order_document_package_idx"`);
    await queryRunner.query(`DROP TABLE "order_document"`);
    await queryRunner.query(`DROP TABLE "message_read"`);
    await queryRunner.query(`DROP INDEX "public"."message_thread_idx"`);
    await queryRunner.query(`DROP TABLE "message"`);
    await queryRunner.query(`DROP INDEX "public"."exchange_rate_pair_date_key"`);
    await queryRunner.query(`DROP TABLE "exchange_rate"`);
    await queryRunner.query(`DROP INDEX "public"."quote_leg_version_package_key"`);
    await queryRunner.query(`DROP INDEX "public"."quote_leg_package_idx"`);
    await queryRunner.query(`DROP INDEX "public"."quote_leg_firm_idx"`);
    await queryRunner.query(`DROP TABLE "quote_leg"`);
    await queryRunner.query(`DROP INDEX "public"."quote_order_idx"`);
    await queryRunner.query(`DROP INDEX "public"."quote_lead_firm_idx"`);
    await queryRunner.query(`DROP TABLE "quote"`);
    await queryRunner.query(`DROP TABLE "order_invitation"`);
    await queryRunner.query(`DROP INDEX "public"."work_package_dependency_predecessor_idx"`);
    await queryRunner.query(`DROP TABLE "work_package_dependency"`);
    await queryRunner.query(`DROP INDEX "public"."work_package_order_key"`);
    await queryRunner.query(`DROP TABLE "work_package"`);
    await queryRunner.query(`DROP INDEX "public"."cooperative_order_buyer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cooperative_order_open_idx"`);
    await queryRunner.query(`DROP TABLE "cooperative_order"`);
  }
}
