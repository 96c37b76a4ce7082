// The console's configure page; its own folder name matches the configuring module's lint pattern, so it is
// imported through this edge like that module.
export { ContinuePage } from './continue-page.tsx';
