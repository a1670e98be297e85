import type { DocumentNode, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

interface OperationContext {
  schema: GraphQLSchema;
  document?: DocumentNode;
  operationName?: string | null;
  operation?: {
    operation: string;
    selectionSet: { selections: readonly { kind: string; name?: { value: string } }[] };
  };
  contextValue: unknown;
  request: { variables?: Record<string, unknown> };
}

/**
 * Runs queries with graphql-jit (a query compiled once per document into a JavaScript function) instead of
 * graphql-js's interpreter, through Apollo's documented `responseForOperation` hook. Execution of a search page
 * (20 edges, ~200 fields) was the largest cost of a cached search; compiled it costs a fraction.
 *
 * Only queries; mutations and subscriptions, and introspection, go the ordinary way. When variables do not coerce
 * (nothing has run yet) the hook steps aside, so that Apollo reports them as usual. Errors are formatted with the
 * gateway's own formatter, as Apollo would do for executed operations.
 */
export function jitExecutionPlugin(formatError: FormatError) {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  const compile = (schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined) => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    if (!byName.has(key)) {
      const c = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
      byName.set(key, isCompiledQuery(c) ? c : null);
    }
    return byName.get(key) ?? null;
  };

  return {
    async requestDidStart() {
      return {
        async responseForOperation(rc: OperationContext) {
          const op = rc.operation;
          if (!rc.document || !op || op.operation !== 'query') return null;
          if (op.selectionSet.selections.some((s) => s.name?.value === '__schema' || s.name?.value === '__type')) {
            return null;
          }
          const query = compile(rc.schema, rc.document, rc.operationName ?? undefined);
          if (!query) return null;
          const result = await query.query(undefined, rc.contextValue, rc.request.variables ?? {});
          if (result.data === undefined || result.data === null) {
            if (result.errors?.length && !('data' in result)) return null; // variables did not coerce: nothing ran
          }
          const errors = result.errors?.map((e) => formatError(e.toJSON(), e));
          return {
            http: { status: undefined, headers: new Map() },
            body: { kind: 'single', singleResult: { data: result.data, ...(errors?.length ? { errors } : {}) } },
          };
        },
      };
    },
  };
}
