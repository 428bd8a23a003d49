import type { Pruner } from './config.ts';

/** Never prunes. */
export function nonePruner(): Pruner {
  return { kind: 'none', reads: 'steps', shouldPrune: () => false };
}
