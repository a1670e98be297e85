import { join } from 'node:path';
import { documentStorageKey, parseDocumentStorageKey } from './document-storage';
import { LocalDiskStorage } from './local-disk.storage';

const ORDER = '0b7e7c43-5a2a-4c39-9d0c-52a8f1e0c001';
const DOC = 'f3a1b2c4-1d2e-4f30-8a9b-0c1d2e3f4a5b';

describe('document storage keys', () => {
  it('are <orderId>/<documentId> in lower case', () => {
    expect(documentStorageKey(ORDER.toUpperCase(), DOC)).toBe(`${ORDER}/${DOC}`);
    expect(parseDocumentStorageKey(`${ORDER}/${DOC}`)).toEqual({ orderId: ORDER, documentId: DOC });
  });

  it('are refused for anything but two UUIDs', () => {
    for (const [orderId, documentId] of [
      [ORDER, '../../etc/passwd'],
      ['..', DOC],
      [ORDER, `${DOC}/x`],
      [ORDER, ''],
      [`${ORDER}\0`, DOC],
    ]) {
      expect(() => documentStorageKey(orderId, documentId)).toThrow('not a document storage key');
    }
    for (const key of [`/${ORDER}/${DOC}`, `${ORDER}/../${DOC}`, `${ORDER}/${DOC}/`, `${ORDER}\\${DOC}`]) {
      expect(() => parseDocumentStorageKey(key)).toThrow('not a document storage key');
    }
  });
});

describe('LocalDiskStorage.pathOf', () => {
  const storage = new LocalDiskStorage('/srv/kooperant/documents/');

  it('puts a document in the folder of its order under the root', () => {
    expect(storage.pathOf(`${ORDER}/${DOC}`)).toBe(join('/srv/kooperant/documents', ORDER, DOC));
  });

  it('never names a path outside the root', () => {
    expect(() => storage.pathOf(`${ORDER}/../../../etc/passwd`)).toThrow('not a document storage key');
    expect(() => storage.pathOf('../x')).toThrow('not a document storage key');
  });
});
