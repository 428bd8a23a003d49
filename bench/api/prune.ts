// npm run bench:api-prune [-- --trials 1000 --points 100 --reports 50 --db postgres]
// What a `trialReport` costs on a study with a median pruner, as the study grows: `--trials` finished trials
// with `--points` objective points each, then one running trial sends `--reports` one-point reports (each asks
// the pruner). Postgres needs TEST_DATABASE_URL (a throw-away database is created and dropped); `--db pglite`
// runs in memory. Prints the mean time per report; asserts nothing.
import { parseArgs } from 'node:util';
import { COMPLETE, CLAIM, REPORT, createStudy, setupTeam, startTestApi } from '@tuneboard/api/testing';
import { testDatabases } from '@tuneboard/db/testing';

const { values: flags } = parseArgs({
  options: {
    trials: { type: 'string', default: '1000' },
    points: { type: 'string', default: '100' },
    reports: { type: 'string', default: '50' },
    db: { type: 'string', default: 'postgres' },
  },
});
const trials = Number(flags.trials);
const points = Number(flags.points);
const reports = Number(flags.reports);
const log = (line: string) => process.stdout.write(`${line}\n`);

const target = testDatabases.find((t) => t.name === flags.db);
if (!target) throw new Error(`--db must be one of ${testDatabases.map((t) => t.name).join(', ')} (postgres needs TEST_DATABASE_URL), got ${flags.db}`);
const handle = await target.create();
const api = await startTestApi(handle);
try {
  const team = await setupTeam(api, 'prune');
  const study = await createStudy(api, team, {
    budget: { maxTrials: trials + 10, maxParallel: 1 },
    pruner: { kind: 'median', startupTrials: 1, warmupSteps: 0 },
  });
  const runner = await team.register('bench');
  const claim = async () => {
    const { trialClaim } = await api.gql(CLAIM, { i: { runnerId: runner, studyId: study.id, limit: 1 } }, team.runnerAuth);
    return trialClaim.leases[0] as { leaseToken: string; trial: { id: string } };
  };
  const started = performance.now();
  for (let i = 0; i < trials; i++) {
    const lease = await claim();
    // The curve goes straight into the table: filling the study is not what is measured.
    const id = Number(Buffer.from(lease.trial.id, 'base64').toString().split(':')[1]);
    await handle.query(
      `insert into metric (trial_id, attempt, key, step, value)
       select $1::bigint, 0, 'val_loss', s, 1.0 / (s + 1) + $2::float8 from generate_series(0, $3::int - 1) s`,
      [id, i * 1e-4, points],
    );
    await api.gql(COMPLETE, { i: { trialId: lease.trial.id, leaseToken: lease.leaseToken, values: [0.5] } }, team.runnerAuth);
    if ((i + 1) % 250 === 0) log(`  … ${i + 1} trials finished`);
  }
  log(`study filled in ${((performance.now() - started) / 1000).toFixed(1)} s: ${trials} finished trials × ${points} points of val_loss, median pruner`);
  const judged = await claim();
  const t0 = performance.now();
  let pruned = 0;
  for (let r = 0; r < reports; r++) {
    const { trialReport } = await api.gql(
      REPORT,
      { i: { trialId: judged.trial.id, leaseToken: judged.leaseToken, points: [{ key: 'val_loss', step: r % points, value: 0.01 }] } },
      team.runnerAuth,
    );
    if (trialReport.shouldPrune) pruned += 1;
  }
  const ms = (performance.now() - t0) / reports;
  log(`${flags.db}: ${ms.toFixed(1)} ms per trialReport over ${reports} reports (${pruned} answered shouldPrune)`);
} finally {
  await api.close();
  await handle.close();
}
