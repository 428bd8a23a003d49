import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@tuneboard/db';
import { createProject, createStudy, testDatabases } from '@tuneboard/db/testing';
import { PENDING_CANDIDATES_SQL } from './claim.ts';

interface PlanNode {
  type: string;
  index?: string;
  relation?: string;
  actualRows: number;
  loops: number;
  removedByFilter: number;
}

function planNodes(plan: unknown): PlanNode[] {
  const nodes: PlanNode[] = [];
  const walk = (node: Record<string, unknown>) => {
    nodes.push({
      type: String(node['Node Type']),
      index: node['Index Name'] as string | undefined,
      relation: node['Relation Name'] as string | undefined,
      actualRows: Number(node['Actual Rows'] ?? 0),
      loops: Number(node['Actual Loops'] ?? 0),
      removedByFilter: Number(node['Rows Removed by Filter'] ?? 0),
    });
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk(plan as Record<string, unknown>);
  return nodes;
}

describe.each(testDatabases)('the claim query plan [$name]', (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.create();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('reads only the PENDING trials through an index, not every claimed trial of the study', async () => {
    const home = await createProject({}, handle.db);
    const busy = await createStudy({ projectId: home.id, maxTrials: null }, handle.db);
    // 20,000 finished or running trials and 5 pending ones: the shape of a long-running queue.
    await handle.query(
      `insert into trial (study_id, number, params, state)
       select $1, n, '{}'::jsonb, (case when n % 10 = 0 then 'RUNNING' else 'COMPLETE' end)::trial_state
       from generate_series(0, 19999) as n`,
      [busy.id],
    );
    await handle.query(
      `insert into trial (study_id, number, params) select $1, n, '{}'::jsonb from generate_series(20000, 20004) as n`,
      [busy.id],
    );
    await handle.query('analyze trial');
    // The very text the claim statement embeds, with its parameters: team, study, limit, runner (none here).
    const [row] = await handle.query<{ 'QUERY PLAN': unknown }>(`explain (analyze, format json) ${PENDING_CANDIDATES_SQL}`, [
      home.teamId,
      busy.id,
      1,
      null,
    ]);
    const plan = row!['QUERY PLAN'];
    const document = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: unknown }[];
    // The pitfall measured before: an index on (study_id, id) made the planner walk every claimed row.
    // Whatever index it picks, the trial scan must touch only the PENDING rows.
    const trialScans = planNodes(document[0]!.Plan).filter((node) => node.relation === 'trial');
    expect(trialScans.length).toBeGreaterThan(0);
    for (const scan of trialScans) {
      expect(scan.type).not.toBe('Seq Scan');
      expect(scan.index).toMatch(/^trial_(pending|study_state)_idx$/);
      expect(scan.actualRows + scan.removedByFilter).toBeLessThanOrEqual(5);
    }
    // The team's running studies are looked up once, not once per PENDING trial.
    const lookups = planNodes(document[0]!.Plan).filter((node) => node.relation === 'study' || node.relation === 'project');
    expect(lookups.length).toBeGreaterThan(0);
    for (const lookup of lookups) expect(lookup.loops).toBe(1);
  });
});
