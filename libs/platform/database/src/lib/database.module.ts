import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createDataSourceOptions } from './data-source-options';
import { OutboxEventEntity } from './outbox-event.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { ChangeFeed } from './change-feed';

export const PLATFORM_ENTITIES = [OutboxEventEntity, IdempotencyKeyEntity];

/**
 * The PostgreSQL connection of a process. Domain modules register their entities with
 * `TypeOrmModule.forFeature`, picked up through `autoLoadEntities`.
 */
@Module({})
export class DatabaseModule {
  static forRoot(params: { url: string; poolSize: number; applicationName: string; logging?: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...createDataSourceOptions({ ...params, entities: [] }),
          autoLoadEntities: true,
          // Fail the boot quickly with a clear message rather than retrying for minutes.
          retryAttempts: 2,
          retryDelay: 1000,
        }),
        TypeOrmModule.forFeature(PLATFORM_ENTITIES),
      ],
      providers: [{ provide: ChangeFeed, useFactory: () => new ChangeFeed(params.url) }],
      exports: [TypeOrmModule, ChangeFeed],
    };
  }
}
