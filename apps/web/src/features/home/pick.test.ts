import { describe, expect, it } from 'vitest';
import { demoStudy, landingStudyId, liveStudyIds, newStudyProjectId } from './pick.ts';

const study = (id: string, status: string, slug: string) => ({
  id,
  status: status as 'RUNNING',
  project: { id: `p-${slug}`, name: slug, slug, team: { id: 't', name: 'T' } },
});

describe('the home page choices', () => {
  it('lands a sign-in on the running demo study on a fresh start, and on the home page otherwise', () => {
    expect(landingStudyId([study('demo', 'RUNNING', 'demo')])).toBe('demo');
    // A refinement of the demo is in the demo project too: still a fresh start.
    expect(landingStudyId([study('child', 'COMPLETED', 'demo'), study('demo', 'RUNNING', 'demo')])).toBe(
      'demo',
    );
    // A newer running study of the demo project (created through the API) does not take the demo's place.
    expect(landingStudyId([study('newer', 'RUNNING', 'demo'), study('demo', 'RUNNING', 'demo'), study('old', 'COMPLETED', 'demo')])).toBe('demo');
    expect(landingStudyId([study('demo', 'COMPLETED', 'demo')])).toBeNull();
    expect(landingStudyId([study('mine', 'RUNNING', 'lab'), study('demo', 'RUNNING', 'demo')])).toBeNull();
    expect(landingStudyId([])).toBeNull();
  });

  it('listens to running and paused studies only', () => {
    expect(
      liveStudyIds([
        study('a', 'RUNNING', 'x'),
        study('b', 'COMPLETED', 'x'),
        study('c', 'PAUSED', 'x'),
        study('d', 'STOPPED', 'x'),
      ]),
    ).toEqual(['a', 'c']);
  });

  it('opens the demo and a new study where the caller may write', () => {
    expect(demoStudy([study('mine', 'RUNNING', 'lab'), study('demo', 'COMPLETED', 'demo')])?.id).toBe('demo');
    expect(demoStudy([study('mine', 'RUNNING', 'lab')])).toBeNull();
    const teams = [
      { viewerRole: 'VIEWER' as const, projects: [{ id: 'read-only', slug: 'r' }] },
      { viewerRole: 'MEMBER' as const, projects: [] },
      { viewerRole: 'OWNER' as const, projects: [{ id: 'ours', slug: 'o' }] },
    ];
    expect(newStudyProjectId(teams)).toBe('ours');
    expect(newStudyProjectId(teams.slice(0, 2))).toBeNull();
  });
});
