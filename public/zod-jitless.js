// A classic script, so it runs before every module of the app: zod must not compile its parsers with `new Function`,
// which the content security policy refuses (src/contract/jitless.ts says why; the workers import that instead).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig ?? {}, { jitless: true });
