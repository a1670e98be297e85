/**
 * What a document is, told by its first bytes only. The file name never decides: a name that claims another type
 * is a mismatch (see file-name.ts), and bytes of no accepted type are rejected whatever the name says.
 */

export type DocumentKind = 'pdf' | 'png' | 'jpeg' | 'dwg' | 'dxf' | 'step';

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['pdf', 'png', 'jpeg', 'dwg', 'dxf', 'step'];

export interface DetectedFileType {
  kind: DocumentKind;
  /** The media type the document is served with. */
  mime: string;
  /** The usual extension, without the dot: given to a name that has none. */
  extension: string;
}

interface KindInfo {
  mime: string;
  /** The first is the usual one; any of them in a file name agrees with the content. */
  extensions: readonly string[];
  /** How a person calls it, for error messages. */
  label: string;
}

/** IANA media types: image/vnd.dwg, image/vnd.dxf and model/step are registered for the CAD formats. */
export const KIND_INFO: Readonly<Record<DocumentKind, KindInfo>> = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'], label: 'a PDF document' },
  png: { mime: 'image/png', extensions: ['png'], label: 'a PNG image' },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], label: 'a JPEG image' },
  dwg: { mime: 'image/vnd.dwg', extensions: ['dwg'], label: 'an AutoCAD DWG drawing' },
  dxf: { mime: 'image/vnd.dxf', extensions: ['dxf'], label: 'a DXF drawing' },
  step: { mime: 'model/step', extensions: ['step', 'stp', 'p21'], label: 'a STEP model' },
};

/** How many leading bytes detection looks at. */
export const SNIFF_BYTES = 64;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const BINARY_DXF_SENTINEL = 'AutoCAD Binary DXF\r\n\x1a\x00';

/** `%PDF-1.7`, `%PDF-2.0`: the header line's version. */
const PDF = /^%PDF-\d\.\d/;
/** AC1015 (2000) ... AC1032 (2018 and later): "AC10" and two digits of the format version. */
const DWG = /^AC10\d\d/;
/** ISO 10303-21 exchange structure ("STEP physical file"), optionally after a UTF-8 byte order mark. */
const STEP = /^(?:\uFEFF)?ISO-10303-21;/;
/** ASCII DXF opens with group code 0 and the value SECTION, each on its own line; codes are often padded with spaces. */
const ASCII_DXF = /^(?:\uFEFF)?\s*0[ \t]*\r?\nSECTION[ \t]*\r?\n/;

/** The type of a document from its first bytes, or null when it is none of the accepted ones. */
export function detectFileType(bytes: Uint8Array): DetectedFileType | null {
  const kind = detectKind(bytes);
  return kind ? typeOfKind(kind) : null;
}

export function typeOfKind(kind: DocumentKind): DetectedFileType {
  const info = KIND_INFO[kind];
  return { kind, mime: info.mime, extension: info.extensions[0] };
}

function detectKind(bytes: Uint8Array): DocumentKind | null {
  if (startsWithBytes(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWithBytes(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  // latin1 maps each byte to one code unit, so that the patterns below see bytes, not decoded UTF-8.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES)).toString('latin1');
  if (PDF.test(head)) return 'pdf';
  if (DWG.test(head)) return 'dwg';
  if (head.startsWith(BINARY_DXF_SENTINEL)) return 'dxf';
  // A UTF-8 byte order mark reads as "ï»¿" in latin1: the text patterns expect U+FEFF.
  const text = head.startsWith('\xef\xbb\xbf') ? '\uFEFF' + head.slice(3) : head;
  if (STEP.test(text)) return 'step';
  if (ASCII_DXF.test(text)) return 'dxf';
  return null;
}

function startsWithBytes(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** The kinds a file-name extension (without the dot, any case) stands for; empty when it is none of ours. */
export function kindsOfExtension(extension: string): DocumentKind[] {
  const ext = extension.toLowerCase();
  return DOCUMENT_KINDS.filter((k) => KIND_INFO[k].extensions.includes(ext));
}

/** Human list of what is accepted, for error messages. */
export const ACCEPTED_TYPES_TEXT = 'PDF, PNG, JPEG, DWG, DXF or STEP';
