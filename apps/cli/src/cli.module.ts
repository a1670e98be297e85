import { Module, type DynamicModule } from '@nestjs/common';
import { KooperantConfigModule, requireDatabaseUrl, type KooperantConfig } from '@kooperant/platform-config';
import { DatabaseModule } from '@kooperant/platform-database';
import { IdentityModule } from '@kooperant/identity';
import { CatalogueModule } from '@kooperant/catalogue';
import { OrdersModule } from '@kooperant/orders';
import { MetricsModule } from '@kooperant/metrics';

/** Domain services for seeding through the same code paths as the API, and for maintenance commands. */
@Module({})
export class CliModule {
  static forRoot(config: KooperantConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        KooperantConfigModule.forRoot(config),
        DatabaseModule.forRoot({ url: requireDatabaseUrl(config), poolSize: 4, applicationName: 'kooperant-cli' }),
        IdentityModule,
        CatalogueModule,
        OrdersModule,
        MetricsModule,
      ],
    };
  }
}
