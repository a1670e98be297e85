/** UTF-8 byte order mark: Excel reads a CSV file as UTF-8 (ą, ł, ž, ė…) only when it starts with one. */
export const UTF8_BOM = '\ufeff';

/** A field as RFC 4180 wants it: in double quotes, inner quotes doubled, when it holds a comma, quote, CR or LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 text: records separated (and ended) by CRLF, with the UTF-8 BOM first. */
export function toCsv(records: readonly (readonly string[])[]): string {
  return UTF8_BOM + records.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

/** The bytes of a CSV file (UTF-8, with the BOM). */
export function toCsvBytes(records: readonly (readonly string[])[]): Buffer {
  return Buffer.from(toCsv(records), 'utf8');
}
