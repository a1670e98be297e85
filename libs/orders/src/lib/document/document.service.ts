import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@kooperant/platform-errors';
import { PG_FOREIGN_KEY_VIOLATION, pgErrorCode, recordEvent } from '@kooperant/platform-database';
import type { Actor } from '@kooperant/identity';
import { OrderService } from '../order/order.service';
import { QuoteService } from '../quote/quote.service';
import type { CooperativeOrderEntity } from '../order/cooperative-order.entity';
import { OrderErrorCode } from '../order/order.errors';
import { OrderDocumentEntity } from './order-document.entity';
import { DOCUMENT_STORAGE, documentStorageKey, type DocumentStorage } from './document-storage';
import { DOCUMENT_OPTIONS, type DocumentOptions } from './document-options';
import { DocumentErrorCode, documentTooLarge } from './document.errors';
import { ACCEPTED_TYPES_TEXT, detectFileType } from './file-type';
import { checkFileName, sanitizeFileName } from './file-name';

export interface UploadDocumentCommand {
  orderId: string;
  /** A work package of the order to attach it to; absent, null or empty for the order as a whole. */
  packageId?: string | null;
  /** A quote of the order to attach it to, by a firm taking part in the quote (the buyer attaches to the order). */
  quoteId?: string | null;
  /** The client's name for the file: sanitized, and checked against the content's type. */
  fileName: string;
  bytes: Buffer;
}

export interface OpenedDocument {
  document: OrderDocumentEntity;
  /** The bytes; a stream is open and must be consumed or destroyed. */
  stream: Buffer | NodeJS.ReadableStream;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Drawings and documents of cooperative orders. Members of the buyer firm attach them to the order or to one of
 * its work packages; whoever may see the order (OrderService.getOrder) may list and download them. The type is
 * told by the content; the bytes go to the DocumentStorage first, then the row and its outbox event in one
 * transaction (the bytes are removed again if that fails).
 */
@Injectable()
export class DocumentService {
  private readonly log = new Logger(DocumentService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: OrderService,
    private readonly quotes: QuoteService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(DOCUMENT_OPTIONS) private readonly options: DocumentOptions,
  ) {}

  async upload(actor: Actor, cmd: UploadDocumentCommand): Promise<OrderDocumentEntity> {
    const quoteId = cmd.quoteId ? cmd.quoteId.toLowerCase() : null;
    const { order, packages, uploaderFirmId } = quoteId
      ? await this.quoteParty(actor, orderIdOf(cmd.orderId), quoteId)
      : await this.orders
          .requireBuyerOrder(actor, orderIdOf(cmd.orderId))
          .then((v) => ({ ...v, uploaderFirmId: v.order.buyerFirmId }));
    const packageId = cmd.packageId ? cmd.packageId.toLowerCase() : null;
    if (packageId !== null && !packages.some((p) => p.id === packageId)) {
      throw DomainError.invalid('packageId', 'UNKNOWN_REFERENCE', 'The order has no such work package.');
    }
    const name = sanitizeFileName(cmd.fileName);
    if (!name) throw DomainError.invalid('fileName', 'REQUIRED', 'Name the file, e.g. frame-A1.pdf.');
    const bytes = cmd.bytes;
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
      throw DomainError.invalid('file', 'EMPTY', 'The file is empty: send its bytes as the body.');
    }
    if (bytes.length > this.options.maxBytes) throw documentTooLarge(this.options.maxBytes);
    const type = detectFileType(bytes);
    if (!type) {
      const message = `The content is not a ${ACCEPTED_TYPES_TEXT} file; the type is told by the content, not the name.`;
      throw new DomainError(DocumentErrorCode.DOCUMENT_TYPE_UNSUPPORTED, message, [
        { field: 'file', reason: 'UNSUPPORTED_TYPE', message },
      ]);
    }
    const named = checkFileName(name, type);
    if (!named.ok) {
      throw new DomainError(
        DocumentErrorCode.DOCUMENT_TYPE_MISMATCH,
        named.message,
        [{ field: 'fileName', reason: 'TYPE_MISMATCH', message: named.message }],
        { detectedKind: type.kind },
      );
    }

    const id = randomUUID();
    const key = documentStorageKey(order.id, id);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await this.storage.put(key, bytes);
    try {
      return await this.db.transaction(async (m) => {
        const values = {
          id,
          orderId: order.id,
          packageId,
          quoteId,
          fileName: named.fileName,
          kind: type.kind,
          mime: type.mime,
          sizeBytes: bytes.length,
          sha256,
          uploadedBy: actor.userId,
          uploadedByFirmId: uploaderFirmId,
        };
        const inserted = await m.insert(OrderDocumentEntity, values);
        const row = Object.assign(m.create(OrderDocumentEntity, values), inserted.generatedMaps[0]);
        await recordEvent(m, {
          type: 'order.document-added',
          aggregateType: 'order',
          aggregateId: order.id,
          payload: {
            documentId: id,
            orderId: order.id,
            packageId,
            quoteId,
            buyerFirmId: order.buyerFirmId,
            clusterId: order.clusterId,
            kind: type.kind,
            sizeBytes: bytes.length,
            sha256,
          },
          actorUserId: actor.userId,
        });
        return row;
      });
    } catch (e) {
      await this.storage
        .delete(key)
        .catch((err: unknown) => this.log.error(`could not remove ${key} after its row failed: ${String(err)}`));
      if (pgErrorCode(e) === PG_FOREIGN_KEY_VIOLATION) {
        // The order or the package went away since it was checked (a draft's packages are replaced on update).
        if (packageId) {
          throw DomainError.invalid('packageId', 'UNKNOWN_REFERENCE', 'The work package changed meanwhile; reload it.');
        }
        throw DomainError.notFound('Order', OrderErrorCode.ORDER_NOT_FOUND);
      }
      throw e;
    }
  }

  /** The documents of an order the caller may see, oldest first; ORDER_NOT_FOUND otherwise. */
  async list(actor: Actor, orderId: string): Promise<OrderDocumentEntity[]> {
    const { order } = await this.orders.getOrder(actor, orderIdOf(orderId));
    const all = await this.db.getRepository(OrderDocumentEntity).find({
      where: { orderId: order.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const quoteIds = [...new Set(all.flatMap((d) => (d.quoteId ? [d.quoteId] : [])))];
    const visible = await this.visibleQuotes(actor, order, quoteIds);
    return all.filter((d) => !d.quoteId || visible.has(d.quoteId));
  }

  /**
   * A document and its bytes, for whoever may see its order. DOCUMENT_NOT_FOUND otherwise: a document of an order
   * the caller may not see is not told apart from one that does not exist.
   */
  async open(actor: Actor, documentId: string): Promise<OpenedDocument> {
    const notFound = () => DomainError.notFound('Document', DocumentErrorCode.DOCUMENT_NOT_FOUND);
    if (typeof documentId !== 'string' || !UUID.test(documentId)) throw notFound();
    const document = await this.db.getRepository(OrderDocumentEntity).findOneBy({ id: documentId.toLowerCase() });
    if (!document) throw notFound();
    try {
      const { order } = await this.orders.getOrder(actor, document.orderId);
      if (document.quoteId && !(await this.visibleQuotes(actor, order, [document.quoteId])).has(document.quoteId)) {
        throw notFound();
      }
    } catch (e) {
      if (e instanceof DomainError && e.code === OrderErrorCode.ORDER_NOT_FOUND) throw notFound();
      throw e;
    }
    const stream = await this.storage.get(documentStorageKey(document.orderId, document.id));
    return { document, stream };
  }

  /** Quote documents are sealed like their quote: the buyer, the order's coordinators and the quote's firms. */
  private async visibleQuotes(actor: Actor, order: CooperativeOrderEntity, quoteIds: string[]): Promise<Set<string>> {
    if (quoteIds.length === 0) return new Set();
    const roles = await actor.roles();
    if (this.orders.seesAllQuotes(roles, order)) return new Set(quoteIds);
    const rows: { id: string }[] = await this.db.query(
      `SELECT DISTINCT q.id FROM quote q LEFT JOIN quote_leg l ON l.quote_id = q.id
       WHERE q.id = ANY($1::uuid[]) AND (q.lead_firm_id = ANY($2::uuid[]) OR l.firm_id = ANY($2::uuid[]))`,
      [quoteIds, [...roles.firms.keys()]],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The order of a quote the caller's firm leads or takes part in, for attaching a document to that quote. */
  private async quoteParty(actor: Actor, orderId: string, quoteId: string) {
    const notFound = () => DomainError.notFound('Quote', OrderErrorCode.QUOTE_NOT_FOUND);
    if (!UUID.test(quoteId)) throw notFound();
    const view = await this.quotes.getQuote(actor, quoteId).catch(() => {
      throw notFound();
    });
    if (view.quote.orderId !== orderId) throw notFound();
    const roles = await actor.roles();
    const firm = [view.quote.leadFirmId, ...view.legs.map((l) => l.firmId)].find((f) => roles.firms.has(f));
    if (!firm) throw DomainError.forbidden('Only the firms of a quote attach documents to it.');
    const { order, packages } = await this.orders.load(orderId);
    return { order, packages, uploaderFirmId: firm };
  }
}

/** The id of an order as stored; ORDER_NOT_FOUND for what is no UUID (the database would fail on it). */
function orderIdOf(id: string): string {
  if (typeof id !== 'string' || !UUID.test(id)) throw DomainError.notFound('Order', OrderErrorCode.ORDER_NOT_FOUND);
  return id.toLowerCase();
}
