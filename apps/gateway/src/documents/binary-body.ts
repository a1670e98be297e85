import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest, RouteOptions } from 'fastify';
import { TokenService } from '@kooperant/identity';
import { DomainError } from '@kooperant/platform-errors';
import { verifiedUserId } from './bearer-auth';
import { httpErrorOf, UNSUPPORTED_MEDIA_TYPE } from './http-errors';

/** Route config (`@RouteConfig({ [BINARY_UPLOAD]: true })`) of a route whose body is a file's raw bytes. */
export const BINARY_UPLOAD = 'binaryUpload';

const OCTET_STREAM = 'application/octet-stream';

type OnRequest = (request: FastifyRequest) => Promise<void>;

/**
 * Lets the routes marked BINARY_UPLOAD take a file as an `application/octet-stream` body of up to `maxBytes`, as a
 * Buffer in `request.body`. Call it in main.ts after NestFactory.create and before app.listen (the routes are
 * registered in between). For those routes, before a byte of the body is read: a missing or invalid Bearer token
 * is answered 401 and another Content-Type 415; a body over the limit is 413 (from Content-Length, else as it
 * streams in); these answers have the JSON shape of the controller's. Every other route keeps the server's 1 MiB
 * limit, for octet-stream too.
 */
export function registerBinaryBody(app: NestFastifyApplication, maxBytes: number): void {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new Error(`registerBinaryBody: bad maxBytes ${maxBytes}`);
  const fastify = app.getHttpAdapter().getInstance();
  const tokens = app.get(TokenService, { strict: false });
  // No bodyLimit of its own: the server's applies, except on the routes the hook below gives maxBytes.
  fastify.addContentTypeParser(OCTET_STREAM, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const precheck: OnRequest = async (request) => {
    await verifiedUserId(tokens, request.headers.authorization);
    if (!isOctetStream(request.headers['content-type'])) {
      throw new DomainError(
        UNSUPPORTED_MEDIA_TYPE,
        'Send the file as the body, with Content-Type: application/octet-stream.',
      );
    }
  };
  const marked: string[] = [];
  fastify.addHook('onRoute', (route: RouteOptions) => {
    if ((route.config as Record<string, unknown> | undefined)?.[BINARY_UPLOAD] !== true) return;
    marked.push(`${String(route.method)} ${route.url}`);
    route.bodyLimit = maxBytes;
    route.onRequest = [...hooksOf(route.onRequest), precheck] as RouteOptions['onRequest'];
    // Errors before the handler runs (the hook above, reading the body); the controller's filter answers the rest.
    route.errorHandler = (error, _request, reply) => {
      const { status, body } = httpErrorOf(error, { maxBytes });
      void reply.code(status).header('cache-control', 'no-store').send(body);
    };
  });
  fastify.addHook('onReady', async () => {
    if (marked.length === 0) {
      throw new Error(
        'registerBinaryBody: no upload route was registered after it. Call it before app.listen(), ' +
          'with DocumentsHttpModule imported by the gateway module.',
      );
    }
  });
}

function isOctetStream(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === OCTET_STREAM;
}

function hooksOf(hooks: RouteOptions['onRequest']): unknown[] {
  if (!hooks) return [];
  return Array.isArray(hooks) ? hooks : [hooks];
}
