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
