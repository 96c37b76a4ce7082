import type { Build } from './build.ts';

/** The build with slots and options in sorted order, so equal configurations have one key (`JSON.stringify`). */
export function canonicalBuild(build: Build): Build {
  const out: Build = {};
  for (const slot of Object.keys(build).sort()) {
    const options = build[slot] ?? {};
    out[slot] = Object.fromEntries(
      Object.keys(options)
        .sort()
        .map((o) => [o, options[o] ?? 1]),
    );
  }
  return out;
}
