/**
 * Where the bytes of documents live. Keys are `<orderId>/<documentId>` (see `documentStorageKey`), made by the
 * service from ids it trusts, never from anything a client named. Local disk by default; an object store later.
 */
export interface DocumentStorage {
  /** Stores the bytes under the key, whole or not at all. */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes under the key; rejects with a DocumentBytesMissingError when there are none. */
  get(key: string): Promise<Buffer | NodeJS.ReadableStream>;
  /** Removes the bytes under the key; no error when there are none. */
  delete(key: string): Promise<void>;
}

/** Nest injection token of the DocumentStorage. */
export const DOCUMENT_STORAGE = Symbol.for('kooperant.document-storage');

const KEY =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The key of a document's bytes. Throws unless both are UUIDs. */
export function documentStorageKey(orderId: string, documentId: string): string {
  const key = `${orderId}/${documentId}`.toLowerCase();
  parseDocumentStorageKey(key);
  return key;
}

/** The two ids of a key; throws for anything else, so that no key can name a path outside the storage. */
export function parseDocumentStorageKey(key: string): { orderId: string; documentId: string } {
  const m = KEY.exec(key);
  if (!m) throw new Error(`not a document storage key: ${JSON.stringify(key)}`);
  return { orderId: m[1], documentId: m[2] };
}

/** The storage has no bytes under a key the database knows: lost or never written. A server fault. */
export class DocumentBytesMissingError extends Error {
  constructor(readonly key: string) {
    super(`no stored bytes under ${key}`);
    this.name = 'DocumentBytesMissingError';
  }
}
