import { useEffect } from 'react';

/**
 * Loads the bundled CJK font (cjk-font.ts) while a component shows Chinese in a page of another language: i18n.ts
 * loads it only for a Chinese interface, and a machine without a CJK font would draw empty boxes.
 */
export function useCjkFont(showsChinese: boolean): void {
  useEffect(() => {
    if (showsChinese) void import('./cjk-font.ts');
  }, [showsChinese]);
}
