import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import { gqlOk } from './support/gql';
import { ROOT } from './support/servers';

/**
 * The committed schema.gql is printed from lists of resolvers (print-schema.ts), not from the gateway itself: a lib
 * whose resolvers were left off those lists (the KPIs and the coordinators' exchange were) served a schema that the
 * committed file, and the CI check comparing the two, knew nothing of.
 */
describe('the GraphQL schema', () => {
  it('the running gateway serves exactly the committed schema.gql', async () => {
    const served = await gqlOk<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true }));
    const committed = readFileSync(join(ROOT, 'apps/gateway/schema.gql'), 'utf8');
    const print = (s: Parameters<typeof lexicographicSortSchema>[0]) => printSchema(lexicographicSortSchema(s));
    expect(print(buildClientSchema(served))).toBe(print(buildSchema(committed)));
  });
});
