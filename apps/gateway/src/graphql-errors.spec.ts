import {
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  GraphQLNonNull,
  parse,
  validate,
  GraphQLInputObjectType,
} from 'graphql';
import { UuidScalar } from '@kooperant/identity';
import { formatGraphqlError } from './graphql-errors';

const Input = new GraphQLInputObjectType({
  name: 'OfferIdInput',
  fields: { offerId: { type: new GraphQLNonNull(UuidScalar) }, note: { type: GraphQLString } },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      offer: { type: GraphQLString, args: { id: { type: new GraphQLNonNull(UuidScalar) } } },
      publish: { type: GraphQLString, args: { input: { type: new GraphQLNonNull(Input) } } },
    },
  }),
});

/** What a client gets for the first validation error of a document. */
function firstError(query: string) {
  const [error] = validate(schema, parse(query));
  return formatGraphqlError(
    { message: error.message, locations: error.locations, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
    error,
  );
}

describe('formatGraphqlError', () => {
  it('names the argument or input field of a malformed literal', () => {
    expect(firstError('{ offer(id: "abc") }').extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id' });
    expect(firstError('{ publish(input: { note: "x", offerId: "1; DROP TABLE firm" }) }').extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'offerId',
    });
    // The same literal twice: each error names its own place.
    expect(
      firstError('{ a: offer(id: "00000000-0000-4000-8000-000000000000") b: offer(id: 7) }').extensions,
    ).toMatchObject({
      field: 'id',
    });
  });
});
