// Pure choices of the home page: what is live, where a sign-in lands, what the quick actions open.
import type { HomePageQuery } from '@/gql/graphql';

export type HomeData = NonNullable<HomePageQuery['viewer']>;
export type HomeStudy = HomeData['recentStudies'][number];

/** The project `npm start` creates for its demo study (apps/start). */
export const DEMO_PROJECT_SLUG = 'demo';

/** Studies whose events the page listens to: those that can still change (running or paused). */
export function liveStudyIds(studies: readonly Pick<HomeStudy, 'id' | 'status'>[]): string[] {
  return studies.filter((s) => s.status === 'RUNNING' || s.status === 'PAUSED').map((s) => s.id);
}

/** The demo study: the newest study of a project with the demo's slug; null when there is none. */
export function demoStudy<S extends Pick<HomeStudy, 'id' | 'status' | 'project'>>(
  studies: readonly S[],
): S | null {
  return studies.find((s) => s.project.slug === DEMO_PROJECT_SLUG) ?? null;
}

/**
 * Where a sign-in lands: on a fresh start (every study the caller sees is in the demo project) the running demo
 * study, so the first thing a newcomer sees is trials arriving; otherwise null (the home page). `studies` come
 * running first, newest first (`Viewer.recentStudies`): the demo study, made first, is the oldest running one,
 * so a study added to the demo project since (a refinement, one created through the API) does not take its place.
 */
export function landingStudyId(
  studies: readonly Pick<HomeStudy, 'id' | 'status' | 'project'>[],
): string | null {
  if (studies.length === 0 || studies.some((s) => s.project.slug !== DEMO_PROJECT_SLUG)) return null;
  return studies.findLast((s) => s.status === 'RUNNING')?.id ?? null;
}

/** Where "New study" goes: the first project of a team where the caller may write; null without one. */
export function newStudyProjectId(
  teams: readonly Pick<HomeData['teams'][number], 'viewerRole' | 'projects'>[],
): string | null {
  for (const team of teams) {
    if (team.viewerRole === 'VIEWER') continue;
    const project = team.projects[0];
    if (project) return project.id;
  }
  return null;
}
