import { Field, ObjectType } from '@nestjs/graphql';
import { DomainError } from '@kooperant/platform-errors';

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field() hasNextPage: boolean;
  @Field() hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export function pageInfo(cursors: string[], hasNextPage: boolean, hasPreviousPage: boolean): PageInfoModel {
  return {
    hasNextPage,
    hasPreviousPage,
    startCursor: cursors[0] ?? null,
    endCursor: cursors[cursors.length - 1] ?? null,
  };
}

/** Checks a connection's `first` against the configured maximum page size. */
export function checkPageSize(first: number, max: number): number {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw DomainError.invalid('first', 'OUT_OF_RANGE', `Ask for 1 to ${max} items per page.`);
  }
  return first;
}

/** Cursor of a list ordered newest first by (createdAt, id). */
export function encodeCreatedCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify({ c: row.createdAt.toISOString(), i: row.id })).toString('base64url');
}

/** Reads a cursor of encodeCreatedCursor; anything else is a VALIDATION_FAILED error on `after`. */
export function decodeCreatedCursor(s: string): { createdAt: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as { c?: unknown; i?: unknown };
    if (
      typeof v.c === 'string' &&
      !Number.isNaN(Date.parse(v.c)) &&
      typeof v.i === 'string' &&
      /^[0-9a-f-]{36}$/.test(v.i)
    )
      return { createdAt: v.c, id: v.i };
  } catch {
    /* fall through */
  }
  throw DomainError.invalid('after', 'INVALID_CURSOR', 'This cursor was not issued by this list.');
}

/**
 * A Relay connection of a page listed newest first by (createdAt, id): its edges with their cursors and its
 * PageInfo (a page asked for `after` a cursor has one before it).
 */
export function createdConnection<T extends { createdAt: Date; id: string }, N = T>(
  page: { items: T[]; hasNextPage: boolean },
  after: string | undefined,
  node: (item: T) => N = (item) => item as unknown as N,
): { edges: { cursor: string; node: N }[]; pageInfo: PageInfoModel } {
  const edges = page.items.map((item) => ({ cursor: encodeCreatedCursor(item), node: node(item) }));
  return {
    edges,
    pageInfo: pageInfo(
      edges.map((e) => e.cursor),
      page.hasNextPage,
      !!after,
    ),
  };
}
