import { readFileSync } from 'node:fs';

/**
 * The fonts embedded in report PDFs: Noto Sans Regular and Bold (SIL Open Font License 1.1), shipped as TrueType by
 * the npm package @expo-google-fonts/noto-sans. The 14 PDF standard fonts only cover Latin-1 and cannot show ą ł ż
 * or ė į ų ū; an embedded font can, and pdfkit keeps only the glyphs a report uses.
 */
export const REPORT_FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

export type ReportFontName = keyof typeof REPORT_FONT_FILES;

const loaded = new Map<ReportFontName, Buffer>();

/** The bytes of a report font, read once from node_modules. */
export function reportFont(name: ReportFontName): Buffer {
  let bytes = loaded.get(name);
  if (!bytes) {
    bytes = readFileSync(require.resolve(REPORT_FONT_FILES[name]));
    loaded.set(name, bytes);
  }
  return bytes;
}
