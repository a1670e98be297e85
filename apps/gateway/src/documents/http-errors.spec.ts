import { HttpException, Logger } from '@nestjs/common';
import { DomainError } from '@kooperant/platform-errors';
import { DocumentErrorCode } from '@kooperant/orders';
import { httpErrorOf, statusOfCode } from './http-errors';

const fastifyError = (code: string, statusCode: number, message: string) =>
  Object.assign(new Error(message), { name: 'FastifyError', code, statusCode });

describe('statusOfCode', () => {
  it('maps each code of the document routes to its status', () => {
    expect(
      [
        'VALIDATION_FAILED',
        'UNAUTHENTICATED',
        'ORDER_NOT_FOUND',
        'DOCUMENT_NOT_FOUND',
        'DOCUMENT_TOO_LARGE',
        'DOCUMENT_TYPE_UNSUPPORTED',
        'DOCUMENT_TYPE_MISMATCH',
        'UNSUPPORTED_MEDIA_TYPE',
      ].map(statusOfCode),
    ).toEqual([400, 401, 404, 404, 413, 415, 415, 415]);
  });

  it('maps other domains’ codes by their names, and any other expected failure to 400', () => {
    expect(['FIRM_NOT_FOUND', 'ORDER_STATE_CONFLICT', 'FIRM_NOT_VERIFIED'].map(statusOfCode)).toEqual([404, 409, 400]);
  });
});

describe('httpErrorOf', () => {
  it('answers a DomainError with its code, message, field and details', () => {
    const e = new DomainError(
      DocumentErrorCode.DOCUMENT_TYPE_MISMATCH,
      'The file name says a PDF document (.pdf), but the content is a PNG image.',
      [{ field: 'fileName', reason: 'TYPE_MISMATCH', message: '...' }],
      { detectedKind: 'png' },
    );
    expect(httpErrorOf(e)).toEqual({
      status: 415,
      body: {
        error: {
          code: 'DOCUMENT_TYPE_MISMATCH',
          message: 'The file name says a PDF document (.pdf), but the content is a PNG image.',
          field: 'fileName',
          details: { detectedKind: 'png' },
        },
      },
    });
  });

  it('answers Fastify’s body errors in the same shape: too large with the limit, wrong media type', () => {
    expect(
      httpErrorOf(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413, 'Request body is too large'), {
        maxBytes: 20 * 1024 * 1024,
      }),
    ).toEqual({
      status: 413,
      body: {
        error: {
          code: 'DOCUMENT_TOO_LARGE',
          message: 'A document may have at most 20 MiB.',
          details: { maxBytes: 20 * 1024 * 1024 },
        },
      },
    });
    expect(httpErrorOf(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'Unsupported Media Type')).status).toBe(415);
    expect(
      httpErrorOf(
        fastifyError('FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400, 'Request body size did not match Content-Length'),
      ),
    ).toEqual({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: 'Request body size did not match Content-Length' } },
    });
    expect(httpErrorOf(new HttpException('Not Found', 404)).body.error.code).toBe('NOT_FOUND');
  });

  it('answers anything else 500 with no details, and never a stack, and logs it', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const e = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { statusCode: 503 });
    const answer = httpErrorOf(e);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('ECONNREFUSED'));
    logged.mockRestore();
    expect(answer).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal error.' } },
    });
    expect(JSON.stringify(answer)).not.toContain('ECONNREFUSED');
  });
});
