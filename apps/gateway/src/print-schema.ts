import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { IDENTITY_RESOLVERS } from '@kooperant/identity';
import { CATALOGUE_RESOLVERS } from '@kooperant/catalogue';
import { ORDERS_RESOLVERS } from '@kooperant/orders';
import { MATCHING_RESOLVERS } from '@kooperant/matching';
import { NOTIFICATIONS_RESOLVERS } from '@kooperant/notifications';
import { EXCHANGE_RESOLVERS, METRICS_RESOLVERS } from '@kooperant/metrics';

/** Prints the code-first schema, sorted, without a database: `node dist/apps/gateway/src/print-schema.js [file]`. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  const schema = await app
    .get(GraphQLSchemaFactory)
    .create([
      ...IDENTITY_RESOLVERS,
      ...CATALOGUE_RESOLVERS,
      ...ORDERS_RESOLVERS,
      ...MATCHING_RESOLVERS,
      ...NOTIFICATIONS_RESOLVERS,
      ...EXCHANGE_RESOLVERS,
      ...METRICS_RESOLVERS,
    ]);
  const text = printSchema(lexicographicSortSchema(schema)) + '\n';
  await app.close();
  if (process.argv[2]) writeFileSync(process.argv[2], text);
  else process.stdout.write(text);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
