import { KIND_INFO, kindsOfExtension, type DetectedFileType } from './file-type';

/** `order_document.file_name` is varchar(200): PostgreSQL counts characters (code points). */
export const MAX_FILE_NAME_LENGTH = 200;

/** Characters Windows does not allow in a name, and path separators: each becomes "_". */
const FORBIDDEN = /[<>:"/\\|?*]/g;
/** Control and format characters (bidi overrides that flip "gnp.exe", zero-width ones), and lone surrogates. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
/** Device names Windows will not save a file as, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
/** An extension: after the last dot, 1 to 10 letters and digits, at least one a letter ("Rys. 12.3" has none). */
const EXTENSION = /\.([\p{L}\p{N}]{1,10})$/u;

/**
 * The name a client gave, made safe to store and to offer back in Content-Disposition: only its last path segment,
 * NFC, no control or invisible characters, none that Windows forbids, single spaces, no leading or trailing dots,
 * at most 200 characters with the extension kept. Null when nothing is left. Never used to build a storage path.
 */
export function sanitizeFileName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const segments = raw.split(/[\\/]/);
  let name = segments[segments.length - 1]
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(INVISIBLE, '')
    .replace(/ {2,}/g, ' ')
    .replace(FORBIDDEN, '_');
  name = trimDotsAndSpaces(name);
  if (!name) return null;
  if (RESERVED.test(name)) name = `_${name}`;
  return fitLength(name);
}

export type FileNameCheck = { ok: true; fileName: string } | { ok: false; message: string };

/**
 * Checks a sanitized name against the type the content was detected as. A name with an extension of that type is
 * kept as it is; a name with another extension is a mismatch, whether it is one of our types (".pdf" on PNG bytes)
 * or not (".exe", ".html": the file would open as that once downloaded); a name without one gets the usual one.
 */
export function checkFileName(fileName: string, type: DetectedFileType): FileNameCheck {
  const ext = extensionOf(fileName);
  if (!ext) return { ok: true, fileName: withExtension(fileName, type.extension) };
  const info = KIND_INFO[type.kind];
  if (info.extensions.includes(ext.toLowerCase())) return { ok: true, fileName };
  const claimed = kindsOfExtension(ext)[0];
  const says = claimed ? `says ${KIND_INFO[claimed].label} (.${ext})` : `ends in .${ext}`;
  return {
    ok: false,
    message: `The file name ${says}, but the content is ${info.label}: name it .${type.extension} or upload the right file.`,
  };
}

/** The extension of a name without the dot, or undefined. */
export function extensionOf(name: string): string | undefined {
  const ext = EXTENSION.exec(name)?.[1];
  return ext && /\p{L}/u.test(ext) ? ext : undefined;
}

function trimDotsAndSpaces(s: string): string {
  return s.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
}

/** At most MAX_FILE_NAME_LENGTH code points, cutting the stem and keeping a short extension. */
function fitLength(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_FILE_NAME_LENGTH) return name;
  const ext = extensionOf(name);
  const suffix = ext ? `.${ext}` : '';
  const stem = trimDotsAndSpaces(chars.slice(0, MAX_FILE_NAME_LENGTH - suffix.length).join(''));
  return `${stem}${suffix}`;
}

function withExtension(name: string, extension: string): string {
  const suffix = `.${extension}`;
  const chars = Array.from(name);
  const room = MAX_FILE_NAME_LENGTH - suffix.length;
  const stem = chars.length > room ? trimDotsAndSpaces(chars.slice(0, room).join('')) : name;
  return `${stem}${suffix}`;
}
