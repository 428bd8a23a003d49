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
}

/** The API's limit per `trialReport`. */
export const maxPointsPerReport = 1_000;

const REGISTER = `mutation RunnerRegister($input: RunnerRegisterInput!) {
  runnerRegister(input: $input) { runner { id name } userErrors { message code } } }`;
const CLAIM = `mutation TrialClaim($input: TrialClaimInput!) {
  trialClaim(input: $input) {
    leases { leaseToken leaseExpiresAt trial { id number attempt params study { id name objective objectives { name direction } } } }
    userErrors { message code } } }`;
const REPORT = `mutation TrialReport($input: TrialReportInput!) {
  trialReport(input: $input) { shouldPrune leaseExpiresAt accepted userErrors { message code } } }`;
const finishing = (name: string, input: string) => `mutation($input: ${input}!) {
  ${name}(input: $input) { trial { id state } userErrors { message code } } }`;
const COMPLETE = finishing('trialComplete', 'TrialCompleteInput');
const FAIL = finishing('trialFail', 'TrialFailInput');
const PRUNE = finishing('trialPrune', 'TrialPruneInput');
const RELEASE = finishing('trialRelease', 'TrialReleaseInput');

export const TRIALS_AVAILABLE = 'subscription { trialsAvailable { pending study { id } } }';

export function toWireValue(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

type FinishPayload = { trial: { id: string; state: string } | null; userErrors: UserError[] };

export function runnerApi(request: Request) {
  const finish = (query: string, field: string) => async (input: Record<string, unknown>, signal?: AbortSignal) =>
    (await request<Record<string, FinishPayload>>(query, { input }, signal))[field]!;
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
      const { trialReport } = await request<{ trialReport: ReportReply }>(REPORT, { input }, signal);
      return trialReport;
    },
    complete: finish(COMPLETE, 'trialComplete') as (input: { trialId: string; leaseToken: string; values: (number | string)[] }, signal?: AbortSignal) => Promise<FinishPayload>,
    fail: finish(FAIL, 'trialFail') as (input: { trialId: string; leaseToken: string; error: string }, signal?: AbortSignal) => Promise<FinishPayload>,
    prune: finish(PRUNE, 'trialPrune') as (input: { trialId: string; leaseToken: string }, signal?: AbortSignal) => Promise<FinishPayload>,
    release: finish(RELEASE, 'trialRelease') as (input: { trialId: string; leaseToken: string }, signal?: AbortSignal) => Promise<FinishPayload>,
  };
}

export type RunnerApi = ReturnType<typeof runnerApi>;
