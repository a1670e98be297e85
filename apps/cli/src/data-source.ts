import { DataSource } from 'typeorm';
import { IDENTITY_ENTITIES } from '@kooperant/identity';
import { CATALOGUE_ENTITIES } from '@kooperant/catalogue';
import { ORDERS_ENTITIES } from '@kooperant/orders';
import { MATCHING_ENTITIES } from '@kooperant/matching';
import { NOTIFICATION_ENTITIES } from '@kooperant/notifications';
import { EXCHANGE_ENTITIES, METRICS_ENTITIES } from '@kooperant/metrics';
import { createDataSourceOptions, MIGRATIONS, PLATFORM_ENTITIES } from '@kooperant/platform-database';

/** Every entity of the platform: what migrations must describe. */
export const ALL_ENTITIES = [
  ...PLATFORM_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...CATALOGUE_ENTITIES,
  ...ORDERS_ENTITIES,
  ...MATCHING_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...EXCHANGE_ENTITIES,
  ...METRICS_ENTITIES,
];

export function createCliDataSource(url: string, logging = false): DataSource {
  return new DataSource(
    createDataSourceOptions({
      url,
      entities: ALL_ENTITIES,
      migrations: MIGRATIONS,
      poolSize: 4,
      applicationName: 'kooperant-cli',
      logging,
    }),
  );
}
