import { DomainError } from '@kooperant/platform-errors';

/** Codes of document failures, besides VALIDATION_FAILED (fields `fileName`, `file`, `packageId`) and ORDER_NOT_FOUND. */
export const DocumentErrorCode = {
  /** No such document, or the caller may not see its order: the two are not told apart. */
  DOCUMENT_NOT_FOUND: 'DOCUMENT_NOT_FOUND',
  /** Over the configured maximum. Details: { maxBytes }. */
  DOCUMENT_TOO_LARGE: 'DOCUMENT_TOO_LARGE',
  /** The content is none of the accepted types (PDF, PNG, JPEG, DWG, DXF, STEP), whatever its name says. */
  DOCUMENT_TYPE_UNSUPPORTED: 'DOCUMENT_TYPE_UNSUPPORTED',
  /** The file name's extension claims another type than the content is. Field: fileName; details: { detectedKind }. */
  DOCUMENT_TYPE_MISMATCH: 'DOCUMENT_TYPE_MISMATCH',
} as const;

/** DOCUMENT_TOO_LARGE for a limit of `maxBytes`, with the limit in words and in details. */
export function documentTooLarge(maxBytes: number): DomainError {
  return new DomainError(
    DocumentErrorCode.DOCUMENT_TOO_LARGE,
    `A document may have at most ${describeBytes(maxBytes)}.`,
    [],
    { maxBytes },
  );
}

/** 20971520 → "20 MiB", 65536 → "64 KiB", 1500 → "1500 bytes". */
export function describeBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
