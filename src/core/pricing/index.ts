export { priceBuild, toCents, type Price, type PriceLine } from './price.ts';
