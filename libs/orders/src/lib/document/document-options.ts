import { resolve } from 'node:path';
import type { KooperantConfig } from '@kooperant/platform-config';

export interface DocumentOptions {
  /** Root folder of the local-disk storage (DOCUMENT_STORAGE_DIR), absolute. */
  storageDir: string;
  /** Largest document accepted, in bytes (DOCUMENT_MAX_BYTES). */
  maxBytes: number;
}

/** Nest injection token of the DocumentOptions. */
export const DOCUMENT_OPTIONS = Symbol.for('kooperant.document-options');

export const DEFAULT_DOCUMENT_STORAGE_DIR = '.data/documents';
export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

/** The settings as config.ts holds them (`documents`), with the defaults where a config has none. */
type WithDocuments = KooperantConfig & { documents?: Partial<DocumentOptions> };

export function documentOptions(config: WithDocuments): DocumentOptions {
  return {
    storageDir: resolve(config.documents?.storageDir ?? DEFAULT_DOCUMENT_STORAGE_DIR),
    maxBytes: config.documents?.maxBytes ?? DEFAULT_DOCUMENT_MAX_BYTES,
  };
}
