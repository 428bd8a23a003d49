// Pruners: one file per rule, stateless (they read the learning curves in the history).
import { ashaPruner } from './asha';
import { parsePrunerConfig } from './config';
import type { Pruner, PrunerConfig } from './config';
import { hyperbandPruner } from './hyperband';
import { nonePruner } from './none';
import { percentilePruner } from './percentile';
import { thresholdPruner } from './threshold';

export { DEFAULT_PERCENTILE_STARTUP_TRIALS, DEFAULT_REDUCTION_FACTOR, PRUNER_KINDS, parsePrunerConfig } from './config';
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
} from './config';
export { hyperbandBracketOf, hyperbandBrackets } from './hyperband';

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
