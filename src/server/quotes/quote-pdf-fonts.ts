import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * The quote's typeface: Noto Sans SC (SIL Open Font License 1.1), the full TrueType files of
 * @expo-google-fonts/noto-sans-sc. One face for every language, so a German quote for a customer with a Chinese name
 * prints it, and the page has one look. pdfkit embeds only the glyphs a document uses (a few dozen kilobytes), and
 * writes a ToUnicode map, so the Chinese text can be selected, searched and read back from the PDF.
 * No CJK font is installed on the servers, and @fontsource's web subsets (unicode-range slices) cannot serve whole.
 */
const require = createRequire(import.meta.url);
const files = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export type QuoteFonts = Record<keyof typeof files, Buffer>;

let loading: Promise<QuoteFonts> | undefined;

/** The two faces, read once per process (about 10 MB each) on the first quote and kept for the next. */
export function quoteFonts(): Promise<QuoteFonts> {
  loading ??= Promise.all([
    readFile(require.resolve(files.regular)),
    readFile(require.resolve(files.bold)),
  ]).then(([regular, bold]) => ({ regular, bold }));
  // A failed read is not remembered: the next quote tries again.
  loading.catch(() => (loading = undefined));
  return loading;
}
