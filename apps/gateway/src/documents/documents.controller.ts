import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessService, TokenService, type Actor } from '@kooperant/identity';
import { DomainError } from '@kooperant/platform-errors';
import { DocumentService, toOrderDocumentView } from '@kooperant/orders';
import { BINARY_UPLOAD } from './binary-body';
import { verifiedUserId } from './bearer-auth';
import { attachmentDisposition } from './content-disposition';
import { HttpErrorFilter } from './http-error.filter';
import { UNSUPPORTED_MEDIA_TYPE } from './http-errors';

/**
 * Drawings and documents of orders over plain HTTP, since GraphQL carries no file bytes well. Thin: the caller from
 * the Bearer token, one DocumentService call, the bytes or the JSON answer. Listing is GraphQL (orderDocuments).
 */
@Controller()
@UseFilters(new HttpErrorFilter())
export class DocumentsController {
  constructor(
    private readonly tokens: TokenService,
    private readonly access: AccessService,
    private readonly documents: DocumentService,
  ) {}

  /**
   * `POST /orders/:orderId/documents?fileName=frame.pdf[&packageId=...][&quoteId=...]`, the file's bytes as an
   * `application/octet-stream` body (see registerBinaryBody). 201 with `{ document }` and its Location.
   */
  @Post('orders/:orderId/documents')
  @RouteConfig({ [BINARY_UPLOAD]: true })
  async upload(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('orderId') orderId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const actor = await this.actorOf(request);
    if (!Buffer.isBuffer(request.body)) {
      throw new DomainError(
        UNSUPPORTED_MEDIA_TYPE,
        'Send the file as the body, with Content-Type: application/octet-stream.',
      );
    }
    const document = await this.documents.upload(actor, {
      orderId,
      packageId: single(query, 'packageId'),
      quoteId: single(query, 'quoteId'),
      fileName: single(query, 'fileName') ?? '',
      bytes: request.body,
    });
    const view = toOrderDocumentView(document);
    void reply.code(201).header('location', view.downloadPath).send({ document: view });
  }

  /** `GET /documents/:id`: the bytes, as an attachment, for whoever may see the document's order. */
  @Get('documents/:id')
  async download(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<void> {
    const { document, stream } = await this.documents.open(await this.actorOf(request), id);
    void reply
      .code(200)
      .header('content-type', document.mime)
      .header('content-length', String(document.sizeBytes))
      .header('content-disposition', attachmentDisposition(document.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .header('etag', `"${document.sha256}"`)
      .send(stream);
  }

  private async actorOf(request: FastifyRequest): Promise<Actor> {
    return this.access.actorFor(await verifiedUserId(this.tokens, request.headers.authorization));
  }
}

/** A query parameter given at most once; VALIDATION_FAILED when repeated. */
function single(query: Record<string, unknown>, name: string): string | null {
  const value = query[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw DomainError.invalid(name, 'SHAPE', `Give ${name} once, as text.`);
  return value;
}
