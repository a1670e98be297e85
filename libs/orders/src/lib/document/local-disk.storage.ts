import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { DocumentBytesMissingError, parseDocumentStorageKey, type DocumentStorage } from './document-storage';

/**
 * Documents as files under a root folder: `<root>/<orderId>/<documentId>`, both UUIDs checked by the key parser,
 * so that no key reaches outside the root. A file appears whole or not at all: the bytes go to a temporary file in
 * the same folder, are flushed to disk, and the file is renamed into place. Several gateways may share the root
 * (a network volume) since every document has its own name.
 */
export class LocalDiskStorage implements DocumentStorage {
  readonly root: string;

  constructor(root: string) {
    if (!root) throw new Error('LocalDiskStorage needs a root folder');
    this.root = resolve(root);
  }

  /** The file of a key; throws for anything that is not `<uuid>/<uuid>`. */
  pathOf(key: string): string {
    const { orderId, documentId } = parseDocumentStorageKey(key);
    const path = join(this.root, orderId, documentId);
    // The parser already allows only hex digits and dashes; this guards the guard.
    if (!isAbsolute(path) || !path.startsWith(this.root + sep)) throw new Error(`key outside the storage: ${key}`);
    return path;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    const folder = dirname(target);
    await mkdir(folder, { recursive: true, mode: 0o750 });
    const temp = join(folder, `.${randomUUID()}.tmp`);
    try {
      const file = await open(temp, 'wx', 0o640);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, target);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
  }

  /**
   * A stream of the file, opened before this resolves: a missing file rejects here (DocumentBytesMissingError),
   * not after a caller has started a response.
   */
  async get(key: string): Promise<NodeJS.ReadableStream> {
    const path = this.pathOf(key);
    try {
      const file = await open(path, 'r');
      return file.createReadStream();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new DocumentBytesMissingError(key);
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
