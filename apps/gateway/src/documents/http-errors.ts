import { HttpException, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '@kooperant/platform-errors';
import { DocumentErrorCode, documentTooLarge, OrderErrorCode } from '@kooperant/orders';

/** The request's body is not `application/octet-stream`. */
export const UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE';

/** A state-changing request to the admin pages that carried only the session cookie and came from another site. */
export const CROSS_SITE_REQUEST = 'CROSS_SITE_REQUEST';

export interface HttpErrorBody {
  error: { code: string; message: string; field?: string; details?: Record<string, unknown> };
}

export interface HttpError {
  status: number;
  body: HttpErrorBody;
}

/** HTTP status of each error code the REST routes answer with: the one place they are mapped. */
const STATUS_OF_CODE: Record<string, number> = {
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [CROSS_SITE_REQUEST]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [OrderErrorCode.ORDER_NOT_FOUND]: 404,
  [OrderErrorCode.PACKAGE_NOT_FOUND]: 404,
  [DocumentErrorCode.DOCUMENT_NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [DocumentErrorCode.DOCUMENT_TOO_LARGE]: 413,
  [DocumentErrorCode.DOCUMENT_TYPE_UNSUPPORTED]: 415,
  [DocumentErrorCode.DOCUMENT_TYPE_MISMATCH]: 415,
  [UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCode.RATE_LIMITED]: 429,
};

/** Codes of other domains follow their names: *_NOT_FOUND is 404, *_CONFLICT 409, any other expected failure 400. */
export function statusOfCode(code: string): number {
  return STATUS_OF_CODE[code] ?? (code.endsWith('_NOT_FOUND') ? 404 : code.endsWith('_CONFLICT') ? 409 : 400);
}

const CODE_OF_STATUS: Record<number, string> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  413: DocumentErrorCode.DOCUMENT_TOO_LARGE,
  415: UNSUPPORTED_MEDIA_TYPE,
};

const log = new Logger('DocumentsHttp');

/**
 * Any error of a document route as the status and JSON body the client gets: DomainErrors with their code,
 * message and field; Fastify's body errors (too large, wrong media type) and Nest's HttpExceptions by status;
 * anything else is logged here and answered 500 INTERNAL_SERVER_ERROR with no details and no stack.
 */
export function httpErrorOf(error: unknown, opts: { maxBytes?: number } = {}): HttpError {
  if (error instanceof DomainError) {
    return {
      status: statusOfCode(error.code),
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error.field ? { field: error.field } : {}),
          ...(error.details ? { details: error.details } : {}),
        },
      },
    };
  }
  if (isBodyTooLarge(error)) {
    if (opts.maxBytes) return httpErrorOf(documentTooLarge(opts.maxBytes));
    return reply(413, DocumentErrorCode.DOCUMENT_TOO_LARGE, 'The body is too large.');
  }
  if (fastifyCodeOf(error) === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return reply(
      415,
      UNSUPPORTED_MEDIA_TYPE,
      'Send the file as the body, with Content-Type: application/octet-stream.',
    );
  }
  const status = statusOfClientError(error);
  if (status) {
    const message = error instanceof Error && error.message ? error.message : 'Bad request.';
    return reply(status, CODE_OF_STATUS[status] ?? 'BAD_REQUEST', message);
  }
  log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return reply(500, ErrorCode.INTERNAL, 'Internal error.');
}

function fastifyCodeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** Fastify's error for a body over the route's limit, as it reads it (from Content-Length, or as it streams in). */
function isBodyTooLarge(error: unknown): boolean {
  return fastifyCodeOf(error) === 'FST_ERR_CTP_BODY_TOO_LARGE';
}

/** The 4xx status of a Nest HttpException or a Fastify error (e.g. a body shorter than its Content-Length). */
function statusOfClientError(error: unknown): number | undefined {
  const status =
    error instanceof HttpException ? error.getStatus() : (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function reply(status: number, code: string, message: string): HttpError {
  return { status, body: { error: { code, message } } };
}
