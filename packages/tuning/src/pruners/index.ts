// Pruners: one file per rule, stateless (they read the learning curves in the history).
import { ashaPruner } from './asha.ts';
import { parsePrunerConfig } from './config.ts';
import type { Pruner, PrunerConfig } from './config.ts';
import { hyperbandPruner } from './hyperband.ts';
import { nonePruner } from './none.ts';
import { percentilePruner } from './percentile.ts';
import { thresholdPruner } from './threshold.ts';

export { DEFAULT_PERCENTILE_STARTUP_TRIALS, DEFAULT_REDUCTION_FACTOR, PRUNER_KINDS, parsePrunerConfig } from './config.ts';
export type {
  AshaPrunerConfig,
  HyperbandPrunerConfig,
  NonePrunerConfig,
  PercentilePrunerConfig,
  PruneContext,
  Pruner,
  PrunerConfig,
  PrunerKind,
  ThresholdPrunerConfig,
} from './config.ts';
export { hyperbandBracketOf, hyperbandBrackets } from './hyperband.ts';

/** Creates a pruner from its configuration (validated with {@link parsePrunerConfig}). */
export function createPruner(config: PrunerConfig): Pruner {
  const c = parsePrunerConfig(config);
  switch (c.kind) {
    case 'none':
      return nonePruner();
    case 'median':
    case 'percentile':
      return percentilePruner(c);
    case 'asha':
      return ashaPruner(c);
    case 'hyperband':
      return hyperbandPruner(c);
    case 'threshold':
      return thresholdPruner(c);
  }
}
