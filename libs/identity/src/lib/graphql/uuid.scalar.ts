import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `node`: the literal in the document, so that the error points at it (and the gateway names its field). */
function parse(value: unknown, node?: ValueNode): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new GraphQLError(
      `Expected a UUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301, got ${JSON.stringify(value)}.`,
      node ? { nodes: node } : undefined,
    );
  }
  return value.toLowerCase();
}

/**
 * Ids given as input (arguments, input fields) are UUIDs: a malformed one is refused as bad input naming its field,
 * before any service or query sees it. Output ids stay `ID`.
 */
export const UuidScalar = new GraphQLScalarType({
  name: 'UUID',
  description: 'A UUID, e.g. 3f2504e0-4f89-41d3-9a0c-0305e82c3301.',
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Expected a UUID string.', { nodes: ast });
    return parse(ast.value, ast);
  },
});
