import { Logger } from '@nestjs/common';
import { GraphQLError, parse, visit, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, ErrorCode } from '@kooperant/platform-errors';

const log = new Logger('GraphQL');

/** `Variable "$input" got invalid value ... at "input.lat"; ...` → `lat` */
function fieldFromMessage(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message)?.[1];
  // The path starts with the variable's name ($input, $i): the field is relative to the input object.
  if (at) return at.replace(/^[^.[]+\.?/, '').replace(/\[(\d+)\]/g, '.$1') || at;
  const field = /[Ff]ield "([^"]+)"/.exec(message)?.[1];
  if (field) return field.replace(/^[A-Za-z]+Input\./, '');
  const variable = /Variable "\$([^"]+)"/.exec(message)?.[1];
  return variable;
}

/**
 * A literal the query itself gives (`offer(id: "abc")`): GraphQL points at the value, not at its argument or input
 * field, so the document is read again to find whose value starts there.
 */
function fieldFromDocument(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError) || !error.source || !error.nodes?.length) return undefined;
  const start = error.nodes[0].loc?.start;
  if (start === undefined) return undefined;
  let name: string | undefined;
  try {
    visit(parse(error.source), {
      Argument(node) {
        if (node.value.loc?.start === start) name = node.name.value;
      },
      ObjectField(node) {
        if (node.value.loc?.start === start) name = node.name.value;
      },
    });
  } catch {
    return undefined;
  }
  return name;
}

/** What graphql-armor says when a query is over a limit. */
const LIMIT = /(depth|Aliases|Cost|Token|Directives) limit of \d+ exceeded|Document contains more that \d+ tokens/i;
const VALIDATION_CODES = new Set(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED']);

/**
 * Every error a client sees has a stable `extensions.code`. DomainErrors keep their code, field and problems;
 * GraphQL's own input errors become VALIDATION_FAILED with the field; anything else is logged here
 * and reaches the client as INTERNAL_SERVER_ERROR with no details and no stack.
 */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
  opts: { hideSuggestions?: boolean } = {},
): GraphQLFormattedError {
  if (opts.hideSuggestions && / Did you mean /.test(formatted.message)) {
    // Without introspection, suggestions would leak the schema one field at a time.
    formatted = { ...formatted, message: formatted.message.replace(/ Did you mean .+$/, '') };
  }
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: {
        code: original.code,
        ...(original.field ? { field: original.field } : {}),
        ...(original.problems.length ? { problems: original.problems } : {}),
        ...(original.details ? { details: original.details } : {}),
      },
    };
  }
  const code = formatted.extensions?.['code'];
  if (LIMIT.test(formatted.message)) {
    return {
      message: formatted.message.replace(/^Syntax Error: /, ''),
      extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
    };
  }
  if (typeof code === 'string' && VALIDATION_CODES.has(code)) {
    const field = fieldFromMessage(formatted.message) ?? fieldFromDocument(error);
    return {
      message: formatted.message,
      locations: formatted.locations,
      extensions: { code: ErrorCode.VALIDATION_FAILED, graphqlCode: code, ...(field ? { field } : {}) },
    };
  }
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    // Persisted-query and other Apollo errors: keep their code and message.
    return { message: formatted.message, extensions: { code } };
  }
  log.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { message: 'Internal error.', path: formatted.path, extensions: { code: ErrorCode.INTERNAL } };
}
