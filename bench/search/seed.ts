// Seeds a bench team directly in the database: INSERT … SELECT over generate_series, a chunk of studies at a time
// so no statement holds a million rows in memory at once. Shapes are mixed so filters select different shares:
// statuses and projects round-robin, a tag on one study in three, trials 5 % FAIL, 5 % PRUNED, 0.4 % RUNNING,
// the rest COMPLETE with a random objective value in [0, 1), tags on about 0.7 % of trials. Ends with VACUUM ANALYZE.
/** Runs one statement and returns its rows: a plain client on Postgres (no statement timeout), PGlite's handle. */
export type Run = <Row = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<Row[]>;

export interface Seeded {
  trials: number;
  projectIds: string[];
  studyIds: string[];
  userId: string;
  minTrialId: number;
  maxTrialId: number;
}

const PROJECTS = 10;
const CHUNK = 50;

const rawOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;
const globalOf = (type: string, id: string | number) => Buffer.from(`${type}:${id}`).toString('base64url');

export async function seedTeam(
  run: Run,
  teamGlobalId: string,
  studies: number,
  perStudy: number,
): Promise<Seeded> {
  const teamId = rawOf(teamGlobalId);
  const [owner] = await run<{ user_id: string }>('select user_id from membership where team_id = $1', [
    teamId,
  ]);
  const projects = await run<{ id: string }>(
    `insert into project (team_id, name, slug) select $1, 'Bench ' || p, 'bench-' || lpad(p::text, 2, '0')
     from generate_series(1, ${PROJECTS}) p returning id`,
    [teamId],
  );
  const projectIds = projects.map((p) => p.id);
  await run(
    `insert into study (project_id, name, objectives, space, sampler, pruner, objective, status, tags, created_at, created_by_id, max_trials, next_trial_number)
     select ($1::uuid[])[1 + i % ${PROJECTS}],
       'study ' || i || ' ' || (array['mlp', 'cnn', 'resnet', 'gru', 'transformer'])[1 + i % 5],
       case when i % 4 = 0 then '[{"name": "val_loss", "direction": "minimize"}]'::jsonb
            else '[{"name": "val_accuracy", "direction": "maximize"}]'::jsonb end,
       '{"lr": {"type": "float", "low": 0.0001, "high": 0.1, "log": true}}'::jsonb, '{"kind": "random", "seed": 1}'::jsonb,
       '{"kind": "none"}'::jsonb, '{"kind": "template", "template": "mlp", "dataset": "digits"}'::jsonb,
       (array['RUNNING', 'PAUSED', 'COMPLETED', 'STOPPED', 'FAILED'])[1 + i % 5]::study_status,
       case when i % 10 = 0 then array['baseline', 'mlp'] when i % 3 = 0 then array['tag-' || (i % 40)] else '{}'::text[] end,
       now() - make_interval(hours => i), case when i % 2 = 0 then $2::uuid end, $3::int, $3::int
     from generate_series(1, $4::int) i`,
    [projectIds, owner!.user_id, perStudy, studies],
  );
  const studyRows = await run<{ id: string }>(
    'select id from study where project_id = any($1::uuid[]) order by id',
    [projectIds],
  );
  for (let offset = 0; offset < studyRows.length; offset += CHUNK) {
    const chunk = studyRows.slice(offset, offset + CHUNK).map((s) => s.id);
    await run(
      `insert into trial (study_id, number, params, state, "values", tags, created_at, started_at, finished_at)
       select s.id, n, jsonb_build_object('lr', 0.0001 + random() * 0.1), st.state,
         case when st.state = 'COMPLETE' then array[random()]::float8[] end,
         case when n % 500 = 7 then array['keeper'] when n % 200 = 3 then array['odd', 'tag-' || (n % 20)] else '{}'::text[] end,
         s.created_at + make_interval(mins => n), s.created_at + make_interval(mins => n),
         case when st.state <> 'RUNNING' then s.created_at + make_interval(mins => n + 1) end
       from study s cross join generate_series(0, $2::int - 1) n
       cross join lateral (select (case when n % 20 = 0 then 'FAIL' when n % 20 = 10 then 'PRUNED'
         when n % 250 = 1 then 'RUNNING' else 'COMPLETE' end)::trial_state as state) st
       where s.id = any($1::uuid[])`,
      [chunk, perStudy],
    );
  }
  // As autovacuum would leave the tables (this machine's Postgres runs with autovacuum off): the dead rows of a run
  // before removed, the visibility map set, the tag indexes' pending lists merged, then statistics.
  await run('vacuum analyze study');
  await run('vacuum analyze trial');
  const [range] = await run<{ lo: string; hi: string; n: string }>(
    'select min(id)::text as lo, max(id)::text as hi, count(*)::text as n from trial where study_id = any($1::uuid[])',
    [studyRows.map((s) => s.id)],
  );
  return {
    trials: Number(range!.n),
    projectIds: projectIds.map((id) => globalOf('Project', id)),
    studyIds: studyRows.map((s) => globalOf('Study', s.id)),
    userId: globalOf('User', owner!.user_id),
    minTrialId: Number(range!.lo),
    maxTrialId: Number(range!.hi),
  };
}
