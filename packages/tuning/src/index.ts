export type { Direction, FrozenTrial, IntermediateValue, ParamValue, Params, TrialState } from './types.ts';
export { ConfigError, SpaceError } from './errors.ts';
export { createRng, mixSeed } from './rng.ts';
export type { Rng } from './rng.ts';
export {
  MAX_CHOICES,
  MAX_NAME_LENGTH,
  MAX_PARAMS,
  activeParams,
  conditionHolds,
  getParam,
  paramAccepts,
  parseSpace,
  spaceContains,
  spaceToJson,
} from './space.ts';
export type {
  CategoricalParamDef,
  Condition,
  FloatParamDef,
  IntParamDef,
  NumericParamDef,
  ParamDef,
  ParamSpecJson,
  SearchSpace,
  SpaceJson,
} from './space.ts';
export { decodeFromUnitCube, decodeValue, encodeToUnitCube, encodeValue, unitCubeNames } from './space-codec.ts';
export { SAMPLER_KINDS } from './samplers/types.ts';
export { askFromCountSequentially, askSequentially } from './samplers/types.ts';
export type { AskContext, CountContext, ModelFitSizes, Sampler, SamplerHooks, SamplerKind } from './samplers/types.ts';
/** Past this many observations the GP is conditioned on a bounded, deterministic subset (see the README). */
export { defaultMaxModelPoints, maxModelPointsFor } from './gp/suggest.ts';
export { sampleUniform } from './samplers/random.ts';
export { sampleQmc } from './samplers/qmc.ts';
export { parseSamplerConfig } from './samplers/config.ts';
export type {
  CmaesSamplerConfig,
  GpSamplerConfig,
  GridSamplerConfig,
  Nsga2SamplerConfig,
  QmcSamplerConfig,
  RandomSamplerConfig,
  SamplerConfig,
  TpeSamplerConfig,
} from './samplers/config.ts';
export { AUTO_GP_MAX_PARAMS, AUTO_GP_MAX_TRIALS, AUTO_GP_MAX_WIDTH, autoChoice, createSampler } from './samplers/create.ts';
export { DEFAULT_GP_STARTUP_TRIALS, MAX_GP_WIDTH, createGpSampler } from './samplers/gp-sampler.ts';
export { DEFAULT_OUTPUT_WARP, OUTPUT_WARPS, warpOutputs } from './samplers/output-warp.ts';
export { createCmaesSampler } from './samplers/cmaes-sampler.ts';
export { DEFAULT_NSGA2_POPULATION, createNsga2Sampler } from './samplers/nsga2-sampler.ts';
export type { GpSamplerOptions } from './samplers/gp-sampler.ts';
export type { OutputWarp } from './samplers/output-warp.ts';
export type { CmaesSamplerOptions } from './samplers/cmaes-sampler.ts';
export type { Nsga2SamplerOptions } from './samplers/nsga2-sampler.ts';
export { INACTIVE_FILL, MAX_MODELLED_LEVELS, adaptHistory, decodeParams, dimOf, encodeParams, spaceDims } from './samplers/adapter.ts';
export type { AdaptOptions, CoreProblem } from './samplers/adapter.ts';
export type { Dim, DimSlot } from './numeric/dims.ts';
export {
  constrainedDominates,
  constraintViolation,
  crowdingDistance,
  dominates,
  hypervolume,
  nonDominatedRanks,
  nonDominatedSort,
  paretoFront,
  toMinimization,
} from './multi/index.ts';
export { parameterImportance } from './importance/index.ts';
export type { ParameterImportance, ParameterImportanceOptions } from './importance/index.ts';
export { DEFAULT_GRID_POINTS, MAX_GRID_SIZE, enumerateGrid } from './samplers/grid.ts';
export { ScrambledSobol } from './samplers/sobol.ts';
export {
  DEFAULT_EI_CANDIDATES,
  DEFAULT_PRIOR_WEIGHT,
  DEFAULT_STARTUP_TRIALS,
  defaultGamma,
  paretoRanks,
  rankTrials,
} from './samplers/tpe/sampler.ts';
export { PRUNER_KINDS, createPruner, parsePrunerConfig } from './pruners/index.ts';
export type { PruneContext, Pruner, PrunerConfig, PrunerKind } from './pruners/index.ts';
export { refineSpace, suggestRefinement, trialsInside } from './refine.ts';
export type { RefineRange, SuggestRefinementOptions } from './refine.ts';
