// Shared helpers of the numerical cores (gp, cmaes, multi, importance): the unit-cube layout of parameters and
// the injected random source. Linear algebra and special functions stay internal.
export type { RandomSource } from '../rng.ts';
export { createRandomSource, hashSeed, toRandomSource } from '../rng.ts';
export type { Dim, DimSlot } from './dims.ts';
export { argmaxGroup, layoutDims, levelValues, nearestLevel, setOneHot, snapPoint, snapToLevels } from './dims.ts';
