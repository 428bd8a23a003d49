import { and, asc, eq, sql } from 'drizzle-orm';
import {
  MAX_REPORT_POINTS,
  acceptsCommands,
  allowedPrograms,
  commandCapabilitiesIssue,
  constraintsIssue,
  isMetricName,
  type RunnerCapabilities,
} from '@tuneboard/contract';
import { runner, trial } from '@tuneboard/db';
import { authorize, can, notFound, teamsAllowed, unauthenticated } from '../auth/authorize.ts';
import type { Context } from '../context.ts';
import type { RunnerRow, TrialRow } from '../mappers.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { keepBestModels } from './artifacts.ts';
import { isUuid, rawId, toGlobalId } from '../ids.ts';
import { claimTrials } from '../lifecycle/claim.ts';
import { finishTrial, releaseTrial, type Outcome } from '../lifecycle/finish.ts';
import { StaleLeaseError, leaseSettings } from '../lifecycle/lease.ts';
import { judgeReport } from '../lifecycle/prune.ts';
import { reportMetrics } from '../lifecycle/report.ts';
import { reauthorized } from '../pipeline/reauthorize.ts';
import { failStudyOnFailures } from '../lifecycle/failures.ts';
import { createLoaders } from '../loaders.ts';
import { freshReads, loadRunner, loadStudy, loadStudyById, userError } from './common.ts';
import { boundedTrialError } from './trial-error.ts';
import { listFirst, shown } from './list-limits.ts';

/**
 * The later of the runner's last claim or registration and the last heartbeat on a trial it runs: a runner busy
 * with long trials claims nothing for a while but renews its leases with every report. Read once per request.
 */
function lastHeartbeat(ctx: Context, row: RunnerRow): Promise<Date> {
  const cache = (heartbeats.get(ctx.loaders) ?? new Map<string, Promise<Date>>()) as Map<string, Promise<Date>>;
  heartbeats.set(ctx.loaders, cache);
  let found = cache.get(row.id);
  if (!found) {
    found = ctx.db
      .select({ at: sql<string | Date | null>`max(${trial.heartbeatAt})` })
      .from(trial)
      .where(and(eq(trial.leaseOwner, row.id), eq(trial.state, 'RUNNING')))
      .then(([result]) => {
        const at = result?.at ? new Date(result.at) : null;
        return at && at > row.lastSeenAt ? at : row.lastSeenAt;
      });
    cache.set(row.id, found);
  }
  return found;
}
const heartbeats = new WeakMap<object, Map<string, Promise<Date>>>();

function toLease(row: TrialRow) {
  return { trial: row, leaseToken: row.leaseToken!, leaseExpiresAt: row.leaseExpiresAt! };
}
const MAX_CLAIM = 64;
/** Bytes of JSON a runner's `capabilities` may hold. */
export const MAX_CAPABILITIES_BYTES = 16_384;

/**
 * Moves a runner-protocol request onto the protocol's own pool (`DbHandle.protocolDb`), loaders included (a
 * claim's answer reads the trial's study), so however many expensive reads hold the dashboard's connections,
 * runners are served. Every field of the protocol calls it first; mutation fields run one after another.
 */
export function onProtocolPool(ctx: Context): Context {
  if (ctx.db !== ctx.protocolDb) {
    ctx.db = ctx.protocolDb;
    ctx.loaders = createLoaders(ctx.protocolDb);
  }
  return ctx;
}

/** The team of the caller for the runner protocol: a token's team, or the runner's team for a user. */
function runnerTeam(ctx: Context, teamId: string): void {
  authorize(ctx.viewer, teamId, 'run', 'The runner');
}

export function staleLease(error: unknown) {
  if (error instanceof StaleLeaseError) return [userError(['input', 'leaseToken'], error.message, error.code)];
  throw error;
}

/** The trial a runner writes about (authorised with its study), refusing a malformed lease token early. */
async function leasedTrial(ctx: Context, trialId: string, leaseToken: string) {
  const id = rawId(trialId, 'Trial');
  const row = id === undefined ? undefined : await ctx.loaders.trialWithStudy.load(Number(id));
  if (!row) throw notFound('The trial');
  authorize(ctx.viewer, row.study.teamId, 'run', 'The trial');
  if (!isUuid(leaseToken)) throw new StaleLeaseError(row.id);
  return { id: row.id, study: row.study };
}

/** A report's points as three columns, from either form of `TrialReportInput`; or why they cannot be read. */
function reportColumns(input: {
  points?: { key: string; step: number; value: number }[] | null;
  columns?: { keys: string[]; steps: number[]; values: number[] } | null;
}): { keys: string[]; steps: number[]; values: number[]; field: string } | { error: string; field: string[] } {
  const { points, columns } = input;
  if (points && columns) return { error: 'give the points as `points` or as `columns`, not both', field: ['input', 'columns'] };
  if (columns) {
    const { keys, steps, values } = columns;
    if (steps.length !== keys.length || values.length !== keys.length) {
      return {
        error: `columns must be as long as each other: keys ${keys.length}, steps ${steps.length}, values ${values.length}`,
        field: ['input', 'columns'],
      };
    }
    return { keys, steps, values, field: 'columns' };
  }
  const list = points ?? [];
  return { keys: list.map((p) => p.key), steps: list.map((p) => p.step), values: list.map((p) => p.value), field: 'points' };
}

/**
 * The fast path of a runner's write: a well-formed trial id and lease token go straight to one statement
 * that checks team and lease itself. Undefined when they are malformed, so the caller explains the refusal.
 */
export function leasedWrite(ctx: Context, trialId: string, leaseToken: string) {
  const id = rawId(trialId, 'Trial');
  if (id === undefined || !isUuid(leaseToken)) return undefined;
  return { trialId: Number(id), leaseToken, teams: teamsAllowed(ctx.viewer, 'run') };
}

/** Why a fenced write matched no row: an unknown or foreign trial (thrown by `leasedTrial`), else a stale lease. */
export async function refusal(ctx: Context, trialId: string, leaseToken: string): Promise<never> {
  const { id } = await leasedTrial(ctx, trialId, leaseToken);
  throw new StaleLeaseError(id);
}

/**
 * A completion must give one value per objective of the study (the fenced update matches nothing otherwise):
 * `values: []` would be COMPLETE without a value, and `[1, 2, 3]` on one objective would be listed as best.
 */
async function wrongValueCount(ctx: Context, trialId: string, leaseToken: string, outcome: Outcome) {
  if (outcome.state !== 'COMPLETE') return undefined;
  const { study } = await leasedTrial(ctx, trialId, leaseToken);
  const expected = study.objectives.length;
  if (outcome.values.length === expected) return undefined;
  return {
    trial: null,
    userErrors: [
      userError(
        ['input', 'values'],
        `give one value per objective of the study (${expected}: ${study.objectives.map((o) => o.name).join(', ')}), got ${outcome.values.length}: ${JSON.stringify(outcome.values.slice(0, 10).map(String))}`,
      ),
    ],
  };
}

async function finish(ctx: Context, trialId: string, leaseToken: string, outcome: Outcome) {
  onProtocolPool(ctx);
  try {
    const write = leasedWrite(ctx, trialId, leaseToken);
    const row = write && (await finishTrial(ctx.db, ctx.events, { ...write, outcome }));
    if (!row) return (await wrongValueCount(ctx, trialId, leaseToken, outcome)) ?? (await refusal(ctx, trialId, leaseToken));
    // The trial is finished whatever happens next: a failed check is logged (the next failure checks again), a
    // failed top-up is retried by the server's sweep.
    if (row.state === 'FAIL') {
      await failStudyOnFailures(ctx.db, ctx.events, {
        studyId: row.studyId,
        teamId: row.teamId,
        limit: ctx.env.TUNEBOARD_MAX_CONSECUTIVE_FAILURES,
      }).catch((error: unknown) => ctx.log.warn({ err: error, studyId: row.studyId }, 'the consecutive-failure check failed'));
    }
    await ctx.lifecycle.scheduler.topUp(ctx.db, ctx.events, row.studyId).catch((error: unknown) =>
      ctx.log.warn({ err: error, studyId: row.studyId }, 'top-up after a finished trial failed; the sweep will retry'),
    );
    // A finished trial may push another out of the study's best: only the best trials keep their models.
    await keepBestModels(ctx, row.studyId);
    return { trial: row, userErrors: [] };
  } catch (error) {
    return { trial: null, userErrors: staleLease(error) };
  }
}

export const runnerResolvers: Resolvers = {
  Query: {
    runner: (_parent, { id }, ctx) =>
      loadRunner(ctx, id, 'read').catch((error: { extensions?: { code?: string } }) => {
        if (error.extensions?.code === 'NOT_FOUND') return null;
        throw error;
      }),
  },
  Runner: {
    id: (row) => toGlobalId('Runner', row.id),
    team: async (row, _args, ctx) => (await ctx.loaders.team.load(row.teamId))!,
    lastHeartbeatAt: (row, _args, ctx) => lastHeartbeat(ctx, row),
    online: async (row, _args, ctx) => Date.now() - (await lastHeartbeat(ctx, row)).getTime() < ctx.env.LEASE_SECONDS * 1_000,
    kind: (row) => (row.capabilities.kind === 'client' ? 'CLIENT' : 'WORKER'),
    acceptsCommands: (row) => acceptsCommands(row.capabilities),
    allowedPrograms: (row) => allowedPrograms(row.capabilities),
    runningTrials: (row, args, ctx) =>
      ctx.db
        .select()
        .from(trial)
        .where(and(eq(trial.leaseOwner, row.id), eq(trial.state, 'RUNNING')))
        .orderBy(asc(trial.id))
        .limit(listFirst('runningTrials', args.first)),
  },
  TrialLease: {},
  Mutation: {
    runnerRegister: async (_parent, { input }, ctx) => {
      onProtocolPool(ctx);
      // An unknown, revoked or expired token is told so (UNAUTHENTICATED), as for any other operation.
      if (ctx.viewer.kind === 'anonymous' && ctx.viewer.rejectedToken) throw unauthenticated(ctx.viewer);
      if (ctx.viewer.kind !== 'token') {
        return {
          runner: null,
          userErrors: [userError([], 'Runners register with an API token (scope RUNNER or WRITE).', 'FORBIDDEN')],
        };
      }
      const teamId = ctx.viewer.token.teamId;
      runnerTeam(ctx, teamId);
      const name = input.name.trim();
      if (!/^[A-Za-z0-9_.:@-]{1,100}$/.test(name)) {
        return {
          runner: null,
          userErrors: [
            userError(['input', 'name'], `name holds 1 to 100 letters, digits, _ . : @ -; got ${shown(input.name)}`),
          ],
        };
      }
      const given = input.capabilities as RunnerCapabilities;
      if (typeof given !== 'object' || given === null || Array.isArray(given)) {
        return { runner: null, userErrors: [userError(['input', 'capabilities'], 'capabilities must be an object')] };
      }
      // Stored on the runner and sent with every runner listing: a runner's own is well under 1 KiB.
      const size = Buffer.byteLength(JSON.stringify(given));
      if (size > MAX_CAPABILITIES_BYTES) {
        return {
          runner: null,
          userErrors: [userError(['input', 'capabilities'], `capabilities may hold at most ${MAX_CAPABILITIES_BYTES} bytes of JSON, got ${size}`)],
        };
      }
      // The claim reads `capabilities.kind` (lifecycle/claim.ts): it comes from `kind` only, never from free-form JSON.
      const capabilities: RunnerCapabilities = { ...given, kind: input.kind === 'CLIENT' ? 'client' : 'worker' };
      const refused = commandCapabilitiesIssue(capabilities);
      if (refused) return { runner: null, userErrors: [userError(['input', ...refused.path], refused.message)] };
      const [row] = await ctx.db
        .insert(runner)
        .values({ teamId, name, host: input.host.slice(0, 255), capabilities, tokenId: ctx.viewer.token.id })
        .onConflictDoUpdate({
          target: [runner.teamId, runner.name],
          set: { host: input.host.slice(0, 255), capabilities, tokenId: ctx.viewer.token.id, lastSeenAt: sql`now()` },
        })
        .returning();
      return { runner: row!, userErrors: [] };
    },
    trialClaim: async (_parent, { input }, ctx) => {
      onProtocolPool(ctx);
      const limit = Math.min(Math.max(input.limit ?? 1, 1), MAX_CLAIM);
      const settings = leaseSettings(ctx.env);
      const runnerId = rawId(input.runnerId, 'Runner');
      const studyId = input.studyId ? rawId(input.studyId, 'Study') : undefined;
      const knownTeam = runnerId === undefined ? undefined : ctx.lifecycle.runnerTeams.get(runnerId);
      // Fast path: a runner this process has authorised before, for a caller who may run in its team. A
      // study of another team simply has no candidates; the checks below then name what was wrong.
      const fast = knownTeam !== undefined && (!input.studyId || studyId !== undefined) && can(ctx.viewer, knownTeam, 'run');
      if (fast) {
        const claimed = await claimTrials(ctx.db, ctx.events, settings, { teamId: knownTeam, runnerId: runnerId!, studyId, limit });
        if (claimed.length > 0) return { leases: claimed.map(toLease), userErrors: [] };
      }
      const worker = await loadRunner(ctx, input.runnerId, 'run');
      ctx.lifecycle.runnerTeams.remember(worker.id, worker.teamId);
      const checkedStudy = input.studyId ? (await loadStudy(ctx, input.studyId, 'run')).id : undefined;
      if (fast) return { leases: [], userErrors: [] };
      const claimed = await claimTrials(ctx.db, ctx.events, settings, {
        teamId: worker.teamId,
        runnerId: worker.id,
        studyId: checkedStudy,
        limit,
      });
      return { leases: claimed.map(toLease), userErrors: [] };
    },
    trialReport: async (_parent, { input }, ctx) => {
      onProtocolPool(ctx);
      const refused = (field: string[], message: string) => ({
        shouldPrune: false,
        leaseExpiresAt: null,
        accepted: 0,
        userErrors: [userError(field, message)],
      });
      const batch = reportColumns(input);
      if ('error' in batch) return refused(batch.field, batch.error);
      const { keys, steps, values, field } = batch;
      if (keys.length > MAX_REPORT_POINTS) {
        return refused(['input', field], `send at most ${MAX_REPORT_POINTS} points per report, got ${keys.length}`);
      }
      // The contract's metric-name rule admits nothing that needs quoting: lifecycle/report.ts writes the keys into an array
      // literal as they are.
      const bad = keys.findIndex((key, i) => !isMetricName(key) || steps[i]! < 0);
      if (bad >= 0) {
        return refused(
          ['input', field, String(bad)],
          `a point needs a metric key of letters, digits, _ . / - and a step >= 0; got key=${shown(keys[bad])}, step=${steps[bad]}`,
        );
      }
      // The same key and step twice with two values: storage keeps the first (a re-sent batch is a no-op), so the
      // other would be dropped without a word. The same value twice is a harmless repeat.
      const seen = new Map<string, number>();
      for (let i = 0; i < keys.length; i += 1) {
        const point = `${keys[i]}\u0000${steps[i]}`;
        const first = seen.get(point);
        if (first === undefined) seen.set(point, i);
        else if (!Object.is(values[first], values[i])) {
          return refused(
            ['input', field, String(i)],
            `point ${i} repeats key=${JSON.stringify(keys[i])}, step=${steps[i]} of point ${first} with another value (${values[i]} after ${values[first]}); a step holds one value`,
          );
        }
      }
      try {
        const write = leasedWrite(ctx, input.trialId, input.leaseToken);
        const stored =
          write &&
          (await ctx.lifecycle.reportTurns.run(write.trialId, () =>
            reportMetrics(ctx.db, ctx.events, leaseSettings(ctx.env), { ...write, keys, steps, values }),
          ));
        if (!stored) return await refusal(ctx, input.trialId, input.leaseToken);
        if (stored.keyLimit) {
          const { held, added, limit } = stored.keyLimit;
          return {
            accepted: 0,
            shouldPrune: false,
            leaseExpiresAt: stored.leaseExpiresAt,
            userErrors: [
              userError(
                ['input', field],
                `trial ${input.trialId} (number ${stored.trial.number} of its study) holds ${held.toLocaleString('en')} distinct metric keys and ` +
                  `this report adds ${added.toLocaleString('en')} new ones (${(held + added).toLocaleString('en')}), past the limit of ` +
                  `${limit.toLocaleString('en')} keys a trial; nothing of this report was stored, the points stored before are kept`,
                'TOO_LARGE',
              ),
            ],
          };
        }
        // Storage decides nothing: the pruner's verdict is asked after the batch is stored (lifecycle/prune.ts).
        const shouldPrune = await judgeReport(ctx.db, stored.trial, { keys, steps });
        return { accepted: stored.accepted, shouldPrune, leaseExpiresAt: stored.leaseExpiresAt, userErrors: [] };
      } catch (error) {
        return { shouldPrune: false, leaseExpiresAt: null, accepted: 0, userErrors: staleLease(error) };
      }
    },
    trialComplete: async (_parent, { input }, ctx) => {
      const refused = constraintsIssue(input.constraints);
      if (refused) return { trial: null, userErrors: [userError(['input', ...refused.path], refused.message)] };
      return finish(ctx, input.trialId, input.leaseToken, {
        state: 'COMPLETE',
        values: input.values,
        constraints: input.constraints ?? undefined,
      });
    },
    trialFail: (_parent, { input }, ctx) =>
      finish(ctx, input.trialId, input.leaseToken, { state: 'FAIL', error: boundedTrialError(input.error) }),
    trialPrune: (_parent, { input }, ctx) => finish(ctx, input.trialId, input.leaseToken, { state: 'PRUNED' }),
    trialRelease: async (_parent, { input }, ctx) => {
      onProtocolPool(ctx);
      try {
        const { id } = await leasedTrial(ctx, input.trialId, input.leaseToken);
        return { trial: await releaseTrial(ctx.db, ctx.events, { trialId: id, leaseToken: input.leaseToken }), userErrors: [] };
      } catch (error) {
        return { trial: null, userErrors: staleLease(error) };
      }
    },
  },
  Subscription: {
    trialsAvailable: {
      subscribe: (_parent, _args, ctx) => {
        if (ctx.viewer.kind === 'anonymous') authorize(ctx.viewer, '', 'read');
        const events = ctx.events.trialsAvailable((message) => {
          try {
            authorize(ctx.viewer, message.teamId, 'run');
            return true;
          } catch {
            return false;
          }
        });
        return reauthorized(ctx, events, (viewer, message) => authorize(viewer, message.teamId, 'run', 'The team'));
      },
      resolve: (message: { studyId: string; pending: number }, _args: unknown, ctx: Context) => freshReads(ctx, message),
    },
  },
  TrialsAvailable: {
    study: async (event, _args, ctx) => loadStudyById(ctx, event.studyId, 'read'),
  },
};
