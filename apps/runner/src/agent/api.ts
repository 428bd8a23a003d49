// The runner protocol of apps/api (apps/api/src/schema/runners.graphql), as typed calls.
import { MAX_REPORT_POINTS, type RunnerCapabilities } from '@tuneboard/contract';
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

/** The API's limit per `trialReport`. */
export const maxPointsPerReport = MAX_REPORT_POINTS;

const REGISTER = `mutation RunnerRegister($input: RunnerRegisterInput!) {
  runnerRegister(input: $input) { runner { id name } userErrors { message code } } }`;
const CLAIM = `mutation TrialClaim($input: TrialClaimInput!) {
  trialClaim(input: $input) {
    leases { leaseToken leaseExpiresAt trial { id number attempt params study { id name objective objectives { name direction } } } }
    userErrors { message code } } }`;
const REPORT = `mutation TrialReport($input: TrialReportInput!) {
  trialReport(input: $input) { shouldPrune leaseExpiresAt accepted userErrors { message code } } }`;
/**
 * The end of an attempt, alone or after its last metric points in the same request (a document's mutation
 * fields run in order: the points are stored, then the attempt ends): a request a trial fewer for the runner
 * and the API.
 */
const finishing = (name: string, input: string) => ({
  field: name,
  alone: `mutation($input: ${input}!) {
  ${name}(input: $input) { trial { id state } userErrors { message code } } }`,
  afterPoints: `mutation($report: TrialReportInput!, $input: ${input}!) {
  trialReport(input: $report) { accepted userErrors { message code } }
  ${name}(input: $input) { trial { id state } userErrors { message code } } }`,
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

type Finish<Input> = (input: Input & { trialId: string; leaseToken: string }, signal?: AbortSignal, points?: WirePoint[]) => Promise<FinishPayload>;

export function runnerApi(request: Request) {
  const finish =
    <Input>(document: ReturnType<typeof finishing>): Finish<Input> =>
    async (input, signal, points) => {
      if (!points?.length) return (await request<Record<string, FinishPayload>>(document.alone, { input }, signal))[document.field]!;
      const report = { trialId: input.trialId, leaseToken: input.leaseToken, columns: columnsOf(points) };
      const reply = await request<Record<string, FinishPayload> & { trialReport: { userErrors: UserError[] } }>(
        document.afterPoints,
        { report, input },
        signal,
      );
      const ended = reply[document.field]!;
      const stale = reply.trialReport.userErrors.filter((e) => e.code === 'STALE_LEASE');
      const refused = reply.trialReport.userErrors.filter((e) => e.code !== 'STALE_LEASE');
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
    complete: finish<{ values: (number | string)[] }>(COMPLETE),
    fail: finish<{ error: string }>(FAIL),
    prune: finish<object>(PRUNE),
    release: finish<object>(RELEASE),
  };
}

export type RunnerApi = ReturnType<typeof runnerApi>;
