export type { Direction, FrozenTrial, IntermediateValue, ParamValue, Params, TrialState } from './types';
export { ConfigError, SpaceError } from './errors';
export { createRng, mixSeed } from './rng';
export type { Rng } from './rng';
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
} from './space';
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
} from './space';
export { decodeFromUnitCube, decodeValue, encodeToUnitCube, encodeValue, unitCubeNames } from './space-codec';
export { SAMPLER_KINDS } from './samplers/types';
export { askFromCountSequentially, askSequentially } from './samplers/types';
export type { AskContext, CountContext, ModelFitSizes, Sampler, SamplerHooks, SamplerKind } from './samplers/types';
/** Past this many observations the GP is conditioned on a bounded, deterministic subset (see the README). */
export { defaultMaxModelPoints } from './gp/suggest';
export { sampleUniform } from './samplers/random';
export { sampleQmc } from './samplers/qmc';
export { parseSamplerConfig } from './samplers/config';
export type {
  CmaesSamplerConfig,
  GpSamplerConfig,
  GridSamplerConfig,
  Nsga2SamplerConfig,
  QmcSamplerConfig,
  RandomSamplerConfig,
  SamplerConfig,
  TpeSamplerConfig,
} from './samplers/config';
export { AUTO_GP_MAX_PARAMS, AUTO_GP_MAX_TRIALS, autoChoice, createSampler } from './samplers/create';
export { DEFAULT_GP_STARTUP_TRIALS, createGpSampler } from './samplers/gp-sampler';
export { DEFAULT_OUTPUT_WARP, OUTPUT_WARPS, warpOutputs } from './samplers/output-warp';
export { createCmaesSampler } from './samplers/cmaes-sampler';
export { DEFAULT_NSGA2_POPULATION, createNsga2Sampler } from './samplers/nsga2-sampler';
export type { GpSamplerOptions } from './samplers/gp-sampler';
export type { OutputWarp } from './samplers/output-warp';
export type { CmaesSamplerOptions } from './samplers/cmaes-sampler';
export type { Nsga2SamplerOptions } from './samplers/nsga2-sampler';
export { INACTIVE_FILL, MAX_MODELLED_LEVELS, adaptHistory, decodeParams, dimOf, encodeParams, spaceDims } from './samplers/adapter';
export type { AdaptOptions, CoreProblem } from './samplers/adapter';
export type { Dim, DimSlot } from './numeric/dims';
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
} from './multi';
export { parameterImportance } from './importance';
export type { ParameterImportance, ParameterImportanceOptions } from './importance';
export { DEFAULT_GRID_POINTS, MAX_GRID_SIZE, enumerateGrid } from './samplers/grid';
export { ScrambledSobol } from './samplers/sobol';
export {
  DEFAULT_EI_CANDIDATES,
  DEFAULT_PRIOR_WEIGHT,
  DEFAULT_STARTUP_TRIALS,
  defaultGamma,
  paretoRanks,
  rankTrials,
} from './samplers/tpe/sampler';
export { PRUNER_KINDS, createPruner, parsePrunerConfig } from './pruners';
export type { PruneContext, Pruner, PrunerConfig, PrunerKind } from './pruners';
export { refineSpace, suggestRefinement, trialsInside } from './refine';
export type { RefineRange, SuggestRefinementOptions } from './refine';
