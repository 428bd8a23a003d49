// The runner protocol of apps/api (apps/api/src/schema/runners.graphql), as typed calls.
import type { Request } from './graphql-client';

export interface UserError {
  message: string;
  code: string;
}

export interface ClaimedTrial {
  leaseToken: string;
  leaseExpiresAt: string;
  trial: {
    id: string;
    number: number;
    attempt: number;
    params: Record<string, unknown>;
    study: { id: string; name: string; objective: unknown; objectives: { name: string; direction: 'MINIMIZE' | 'MAXIMIZE' }[] };
  };
}

/** A metric point on the wire: `MetricValue` carries NaN and ±Infinity as strings. */
export interface WirePoint {
  key: string;
  step: number;
  value: number | string;
}

export interface ReportReply {
  shouldPrune: boolean;
  leaseExpiresAt: string | null;
  accepted: number;
  userErrors: UserError[];
}

export interface RunnerCapabilities {
  backend: string;
  device?: string;
  gpus: number;
  labels: string[];
  concurrency: number;
  version?: string;
  /** Started with `--allow-commands`: the claim hands it `command` trials. */
  acceptsCommands: boolean;
  /** The only programs it starts (`--allow-commands python3,…`); null: any. */
  allowedPrograms: string[] | null;
}

/** The API's limit per `trialReport`. */
export const maxPointsPerReport = 1_000;

const REGISTER = `mutation RunnerRegister($input: RunnerRegisterInput!) {
  runnerRegister(input: $input) { runner { id name } userErrors { message code } } }`;
const CLAIM = `mutation TrialClaim($input: TrialClaimInput!) {
  trialClaim(input: $input) {
    leases { leaseToken leaseExpiresAt trial { id number attempt params study { id name objective objectives { name direction } } } }
    userErrors { message code } } }`;
const LOG_APPEND = `mutation TrialLogAppend($input: TrialLogAppendInput!) {
  trialLogAppend(input: $input) { accepted userErrors { message code } } }`;
const REPORT = `mutation TrialReport($input: TrialReportInput!) {
  trialReport(input: $input) { shouldPrune leaseExpiresAt accepted userErrors { message code } } }`;
/**
 * The end of an attempt, alone or after its last log lines and metric points in the same request (a document's
 * mutation fields run in order: the lines and points are stored, then the attempt ends): a request a trial fewer
 * for the runner and the API.
 */
const finishing = (name: string, input: string) => ({
  field: name,
  document(withLines: boolean, withPoints: boolean): string {
    const variables = [`$input: ${input}!`, withLines ? '$log: TrialLogAppendInput!' : '', withPoints ? '$report: TrialReportInput!' : ''];
    return `mutation(${variables.filter(Boolean).join(', ')}) {
  ${withLines ? 'trialLogAppend(input: $log) { accepted userErrors { message code } }' : ''}
  ${withPoints ? 'trialReport(input: $report) { accepted userErrors { message code } }' : ''}
  ${name}(input: $input) { trial { id state } userErrors { message code } } }`;
  },
});
const COMPLETE = finishing('trialComplete', 'TrialCompleteInput');
const FAIL = finishing('trialFail', 'TrialFailInput');
const PRUNE = finishing('trialPrune', 'TrialPruneInput');
const RELEASE = finishing('trialRelease', 'TrialReleaseInput');

export const TRIALS_AVAILABLE = 'subscription { trialsAvailable { pending study { id } } }';

export function toWireValue(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

/** Points as `MetricColumnsInput`: three lists instead of an object a point, a quarter of the API's work to read. */
export function columnsOf(points: WirePoint[]): { keys: string[]; steps: number[]; values: (number | string)[] } {
  return { keys: points.map((p) => p.key), steps: points.map((p) => p.step), values: points.map((p) => p.value) };
}

export interface FinishPayload {
  trial: { id: string; state: string } | null;
  /** The end's refusals; a stale lease refusing the last points is one too. */
  userErrors: UserError[];
  /** Why the API refused last points sent with the end (the end itself may still have been recorded). */
  refusedPoints?: UserError[];
}

type Finish<Input> = (
  input: Input & { trialId: string; leaseToken: string },
  signal?: AbortSignal,
  points?: WirePoint[],
  lines?: { stream: 'RUNNER' | 'STDOUT' | 'STDERR'; text: string }[],
) => Promise<FinishPayload>;

export function runnerApi(request: Request) {
  const finish =
    <Input>(document: ReturnType<typeof finishing>): Finish<Input> =>
    async (input, signal, points, lines) => {
      const withPoints = Boolean(points?.length);
      const withLines = Boolean(lines?.length);
      const ids = { trialId: input.trialId, leaseToken: input.leaseToken };
      const variables: Record<string, unknown> = { input };
      if (withPoints) variables.report = { ...ids, columns: columnsOf(points!) };
      if (withLines) variables.log = { ...ids, lines };
      const reply = await request<
        Record<string, FinishPayload> & { trialReport?: { userErrors: UserError[] }; trialLogAppend?: { userErrors: UserError[] } }
      >(document.document(withLines, withPoints), variables, signal);
      const ended = reply[document.field]!;
      const before = [...(reply.trialLogAppend?.userErrors ?? []), ...(reply.trialReport?.userErrors ?? [])];
      const stale = before.filter((e) => e.code === 'STALE_LEASE').slice(0, 1);
      const refused = (reply.trialReport?.userErrors ?? []).filter((e) => e.code !== 'STALE_LEASE');
      return { ...ended, userErrors: [...stale, ...ended.userErrors], ...(refused.length ? { refusedPoints: refused } : {}) };
    };
  return {
    async register(input: { name: string; host: string; capabilities: RunnerCapabilities }) {
      const { runnerRegister } = await request<{ runnerRegister: { runner: { id: string; name: string } | null; userErrors: UserError[] } }>(
        REGISTER,
        { input },
      );
      return runnerRegister;
    },
    async claim(input: { runnerId: string; studyId?: string; limit: number }, signal?: AbortSignal) {
      const { trialClaim } = await request<{ trialClaim: { leases: ClaimedTrial[]; userErrors: UserError[] } }>(CLAIM, { input }, signal);
      return trialClaim;
    },
    async report(input: { trialId: string; leaseToken: string; points: WirePoint[] }, signal?: AbortSignal) {
      const { trialId, leaseToken, points } = input;
      const { trialReport } = await request<{ trialReport: ReportReply }>(REPORT, { input: { trialId, leaseToken, columns: columnsOf(points) } }, signal);
      return trialReport;
    },
    /** Appends lines to the trial's log (only the lease holder may; `STALE_LEASE` otherwise). */
    async appendLog(
      input: { trialId: string; leaseToken: string; lines: { stream: 'RUNNER' | 'STDOUT' | 'STDERR'; text: string }[] },
      signal?: AbortSignal,
    ) {
      const { trialLogAppend } = await request<{ trialLogAppend: { accepted: number; userErrors: UserError[] } }>(LOG_APPEND, { input }, signal);
      return trialLogAppend;
    },
    complete: finish<{ values: (number | string)[] }>(COMPLETE),
    fail: finish<{ error: string }>(FAIL),
    prune: finish<object>(PRUNE),
    release: finish<object>(RELEASE),
  };
}

export type RunnerApi = ReturnType<typeof runnerApi>;
