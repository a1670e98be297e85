/**
 * `attachment` with the name twice (RFC 6266): `filename*` in UTF-8 percent-encoding (RFC 5987/8187) for clients
 * that read it, which is all current browsers, and a plain ASCII `filename` for the rest.
 */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}

/** RFC 8187 value-chars: encodeURIComponent leaves ' ( ) * and ! unescaped, of which only ! is an attr-char. */
function encodeExtValue(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Letters without their accents where they have a plain form, every other non-ASCII, quote, backslash or % as "_". */
function asciiFallback(s: string): string {
  const plain = s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\%]/gu, '_');
  return plain || 'download';
}
