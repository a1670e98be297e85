import type { Provider } from '@nestjs/common';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import { DocumentService } from './document.service';
import { DOCUMENT_STORAGE, type DocumentStorage } from './document-storage';
import { DOCUMENT_OPTIONS, documentOptions, type DocumentOptions } from './document-options';
import { LocalDiskStorage } from './local-disk.storage';

/**
 * Documents of orders: the service, its options from the configuration, and the local-disk storage under
 * DOCUMENT_STORAGE_DIR. Provide them in a module that provides OrderService and registers DOCUMENT_ENTITIES.
 * Another storage (an object store) replaces only the DOCUMENT_STORAGE provider.
 */
export const DOCUMENT_PROVIDERS: Provider[] = [
  {
    provide: DOCUMENT_OPTIONS,
    inject: [KOOPERANT_CONFIG],
    useFactory: (config: KooperantConfig): DocumentOptions => documentOptions(config),
  },
  {
    provide: DOCUMENT_STORAGE,
    inject: [DOCUMENT_OPTIONS],
    useFactory: (options: DocumentOptions): DocumentStorage => new LocalDiskStorage(options.storageDir),
  },
  DocumentService,
];
