import { resolve } from 'node:path';
import { loadConfig } from '@kooperant/platform-config';
import { DEFAULT_DOCUMENT_MAX_BYTES, documentOptions } from './document-options';

describe('documentOptions', () => {
  it('stores under .data/documents of the working folder and takes up to 20 MiB by default', () => {
    expect(documentOptions(loadConfig({ NODE_ENV: 'test' }))).toEqual({
      storageDir: resolve('.data/documents'),
      maxBytes: DEFAULT_DOCUMENT_MAX_BYTES,
    });
    expect(DEFAULT_DOCUMENT_MAX_BYTES).toBe(20 * 1024 * 1024);
  });

  it('takes the configured folder, made absolute, and maximum', () => {
    const config = { ...loadConfig({ NODE_ENV: 'test' }), documents: { storageDir: 'var/docs', maxBytes: 1024 } };
    expect(documentOptions(config)).toEqual({ storageDir: resolve('var/docs'), maxBytes: 1024 });
  });
});
