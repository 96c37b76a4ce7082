// Noto Sans SC ("Noto Sans SC Variable", listed for `:lang(zh)` in styles.css) for Chinese pages on machines
// without a CJK font: 101 @font-face rules split by unicode-range, so a page downloads only the slices holding the
// characters it shows. Imported only once the language is Chinese (i18n.ts): English and German visitors never
// fetch the stylesheet or a font file.
import '@fontsource-variable/noto-sans-sc';
