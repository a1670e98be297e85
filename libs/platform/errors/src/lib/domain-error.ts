import { ErrorCode } from './error-codes';

export interface FieldProblem {
  /** Path of the offending input field, e.g. `nip` or `capacity.maxThicknessMm`. */
  field: string;
  /** Short machine-readable reason: REQUIRED, SHAPE, CHECK_DIGIT, TOO_LONG, OUT_OF_RANGE, UNKNOWN_REFERENCE, ... */
  reason: string;
  message: string;
}

/**
 * An expected failure with a stable code. The gateway maps it to a GraphQL error with `extensions.code`
 * (and `extensions.field` / `extensions.problems` for validation); anything that is not a DomainError is
 * reported to clients as INTERNAL_SERVER_ERROR without details.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly problems: readonly FieldProblem[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get field(): string | undefined {
    return this.problems[0]?.field;
  }

  static validation(problems: FieldProblem[] | FieldProblem): DomainError {
    const list = Array.isArray(problems) ? problems : [problems];
    const summary = list.map((p) => `${p.field}: ${p.message}`).join('; ');
    return new DomainError(ErrorCode.VALIDATION_FAILED, `Invalid input. ${summary}`, list);
  }

  static invalid(field: string, reason: string, message: string): DomainError {
    return DomainError.validation({ field, reason, message });
  }

  static notFound(what: string, code: string = ErrorCode.NOT_FOUND): DomainError {
    return new DomainError(code, `${what} was not found.`);
  }

  static forbidden(message = 'You are not allowed to do this.'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }

  static unauthenticated(message = 'Sign in first.'): DomainError {
    return new DomainError(ErrorCode.UNAUTHENTICATED, message);
  }

  static conflict(code: string, message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError(code, message, [], details);
  }
}

/** Collects field problems and throws them together, so a form shows every mistake at once. */
export class ProblemCollector {
  private readonly list: FieldProblem[] = [];

  add(field: string, reason: string, message: string): this {
    this.list.push({ field, reason, message });
    return this;
  }

  get problems(): readonly FieldProblem[] {
    return this.list;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw DomainError.validation([...this.list]);
  }
}
