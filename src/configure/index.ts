// The configuring module's public face: what a surface (customer, sales, catalog-editor) may use.
export { Configure } from './configure.tsx';
export type { AsideProps, CompiledSource, ConfigureHost } from './host.ts';
export { Preparing, WithConfigurator } from './session/use-configurator.tsx';
export { decodeBuild, encodeBuild } from './session/build-url.ts';
