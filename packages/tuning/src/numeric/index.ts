export type { RandomSource } from './rng';
export { createRng, mixSeed, normal, randInt } from './rng';
export type { Dim, DimSlot } from './dims';
export { argmaxGroup, layoutDims, levelValues, nearestLevel, setOneHot, snapPoint, snapToLevels } from './dims';
export { erfcx, logH, logNormalCdf, normalCdf, normalQuantile } from './special';
