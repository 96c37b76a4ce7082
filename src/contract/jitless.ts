import { z } from 'zod';

/**
 * Import first in every web worker, before any schema is made. Zod compiles object parsers with `new Function` unless
 * told not to, and even its probe for whether it may is reported as a content security policy violation; the shop's
 * policy allows no eval (src/server/plugins/security-headers.ts). Parsing is a little slower this way, which API
 * replies and catalogs do not notice; the server keeps the compiled parsers. A worker is one file, evaluated in
 * import order; the page's bundle is not (its shared zod chunk runs before the entry's own code), so the page sets
 * the same global in public/zod-jitless.js, a classic script that runs before any module.
 */
z.config({ jitless: true });
