// Noto Sans SC ("Noto Sans SC Variable", listed for `:lang(zh)` in styles.css) for Chinese pages on machines
// without a CJK font: 101 @font-face rules split by unicode-range, so a page downloads only the slices holding the
// characters it shows. Imported only once the language is Chinese (i18n.ts): English and German visitors never
// fetch the stylesheet or a font file.
import '@fontsource-variable/noto-sans-sc';

// Chromium keeps text shaped while its slice was still loading, drawn in a fallback without the glyphs (empty
// boxes), in a cache keyed by the font's description, and reuses it after the slice has arrived, even for new
// elements with the same text and style (the home page's heading, every time here; the header's sign-in link in
// about 2 of 5 loads). A description not used before shapes afresh: so once each batch of slices is in, the page
// moves to a new one, differing only in an OpenType feature no font has, which changes nothing drawn.
let generation = 0;
document.fonts.addEventListener('loadingdone', () => {
  generation += 1;
  document.documentElement.style.fontFeatureSettings = `"xcjk" ${generation}`;
});
