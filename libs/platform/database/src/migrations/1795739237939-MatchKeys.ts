import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchKeys1795739237939 implements MigrationInterface {
  name = 'MatchKeys1795739237939';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "package_match" DROP CONSTRAINT "FK_082277bc8f911b58b13bbca186b"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP CONSTRAINT "FK_607be741f35f350ae525ef190a4"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP CONSTRAINT "FK_aeae28b0e7efe44a1f6fcafc79a"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP CONSTRAINT "FK_9100dcaaf1a93ece90f34259a7f"`);
    await queryRunner.query(`ALTER TABLE "offer" ADD CONSTRAINT "offer_id_firm_key" UNIQUE ("id", "firm_id")`);
    await queryRunner.query(
      `ALTER TABLE "work_package" ADD CONSTRAINT "work_package_id_order_key" UNIQUE ("id", "order_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "package_match" ADD CONSTRAINT "FK_9eb830d977088fffe9853da02b0" FOREIGN KEY ("package_id", "order_id") REFERENCES "work_package"("id","order_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "package_match" ADD CONSTRAINT "FK_cd5b365ef394d3da1e30e64aa42" FOREIGN KEY ("offer_id", "firm_id") REFERENCES "offer"("id","firm_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "package_match" DROP CONSTRAINT "FK_cd5b365ef394d3da1e30e64aa42"`);
    await queryRunner.query(`ALTER TABLE "package_match" DROP CONSTRAINT "FK_9eb830d977088fffe9853da02b0"`);
    await queryRunner.query(`ALTER TABLE "work_package" DROP CONSTRAINT "work_package_id_order_key"`);
    await queryRunner.query(`ALTER TABLE "offer" DROP CONSTRAINT "offer_id_firm_key"`);
    await queryRunner.query(
      `ALTER TABLE "package_match" ADD CONSTRAINT "FK_9100dcaaf1a93ece90f34259a7f" FOREIGN KEY ("offer_id") REFERENCES "offer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "package_match" ADD CONSTRAINT "FK_aeae28b0e7efe44a1f6fcafc79a" FOREIGN KEY ("firm_id") REFERENCES "firm"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "package_match" ADD CONSTRAINT "FK_607be741f35f350ae525ef190a4" FOREIGN KEY ("package_id") REFERENCES "work_package"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "package_match" ADD CONSTRAINT "FK_082277bc8f911b58b13bbca186b" FOREIGN KEY ("order_id") REFERENCES "cooperative_order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
