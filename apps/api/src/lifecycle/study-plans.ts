import { parseSamplerConfig, parseSpace, type Direction, type SamplerConfig, type SearchSpace } from '@tuneboard/tuning';
import type { StudyRow } from '../mappers.ts';

/** What a top-up needs of a study's stored documents, parsed: its space, its sampler's config and its directions. */
export interface StudyPlan {
  space: SearchSpace;
  sampler: SamplerConfig;
  directions: Direction[];
}

/** The stored columns a plan is parsed from, as the top-up reads them. */
export interface StoredStudy {
  id: string;
  space: unknown;
  sampler: unknown;
  objectives: StudyRow['objectives'];
}

/** Plans kept at most; past it the oldest is forgotten (parsed again if its study tops up again). */
const MAX_PLANS = 1_000;

/**
 * Parsed plans by study, one per API server (./lifecycle.ts): a study's space, sampler and objectives are written
 * once, when the study is created (`studyCreate`, `studyRefine` and an import insert them; no statement updates
 * them, a refinement is a new study), so its id names the one version there is, and a running study's space is
 * parsed once instead of on every top-up. Bounded: the oldest plan makes room for a new one.
 */
export class StudyPlans {
  private readonly plans = new Map<string, StudyPlan>();
  private parses = 0;

  /** The study's plan, parsed on the first call for its id. */
  get(study: StoredStudy): StudyPlan {
    const known = this.plans.get(study.id);
    if (known) return known;
    const plan: StudyPlan = {
      space: parseSpace(study.space),
      sampler: parseSamplerConfig(study.sampler),
      directions: study.objectives.map((objective) => objective.direction as Direction),
    };
    this.parses += 1;
    if (this.plans.size >= MAX_PLANS) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(study.id, plan);
    return plan;
  }

  /** How many plans were parsed (a cache miss each), for tests and metrics. */
  get parsed(): number {
    return this.parses;
  }

  clear(): void {
    this.plans.clear();
  }
}
