import type { OrderDocumentEntity } from './order-document.entity';
import type { DocumentKind } from './file-type';

/** Where the gateway serves a document's bytes (GET, with the caller's Bearer token). */
export function documentDownloadPath(documentId: string): string {
  return `/documents/${documentId}`;
}

/** A document as clients see it, in GraphQL and in the REST answer to an upload. */
export interface OrderDocumentView {
  id: string;
  orderId: string;
  packageId: string | null;
  quoteId: string | null;
  fileName: string;
  kind: DocumentKind;
  mime: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
  downloadPath: string;
}

export function toOrderDocumentView(d: OrderDocumentEntity): OrderDocumentView {
  return {
    id: d.id,
    orderId: d.orderId,
    packageId: d.packageId,
    quoteId: d.quoteId,
    fileName: d.fileName,
    kind: d.kind,
    mime: d.mime,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    createdAt: d.createdAt,
    downloadPath: documentDownloadPath(d.id),
  };
}
