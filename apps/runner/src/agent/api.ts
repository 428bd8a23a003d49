// The runner protocol of apps/api (apps/api/src/schema/runners.graphql), as typed calls: documents in
// documents.ts, their types generated from the schema (src/generated/graphql.ts).
import { MAX_REPORT_POINTS, type RunnerCapabilities } from '@tuneboard/contract';
import type {
  RunnerRegisterMutation,
  RunnerRegisterMutationVariables,
  TrialClaimMutation,
  TrialClaimMutationVariables,
  TrialCompleteInput,
  TrialFailInput,
  TrialReportMutation,
  TrialReportMutationVariables,
} from '../generated/graphql';
import {
  CLAIM,
  COMPLETE,
  COMPLETE_AFTER_POINTS,
  FAIL,
  FAIL_AFTER_POINTS,
  PRUNE,
  PRUNE_AFTER_POINTS,
  REGISTER,
  RELEASE,
  RELEASE_AFTER_POINTS,
  REPORT,
  TRIALS_AVAILABLE,
} from './documents';
import type { Request } from './graphql-client';

export type UserError = TrialClaimMutation['trialClaim']['userErrors'][number];

type Lease = TrialClaimMutation['trialClaim']['leases'][number];
/** A claimed trial as the generated `TrialClaim` result types it, its params read as an object of values. */
export type ClaimedTrial = Omit<Lease, 'trial'> & { trial: Omit<Lease['trial'], 'params'> & { params: Record<string, unknown> } };

/** A metric point on the wire: `MetricValue` carries NaN and ±Infinity as strings. */
export interface WirePoint {
  key: string;
  step: number;
  value: number | string;
}

export type ReportReply = TrialReportMutation['trialReport'];

/** The API's limit per `trialReport`. */
export const maxPointsPerReport = MAX_REPORT_POINTS;

/** Each way an attempt ends: the mutation's field and its documents alone and after the last points. */
const finishing = (field: string, alone: string, afterPoints: string) => ({ field, alone, afterPoints });
const COMPLETE_DOCS = finishing('trialComplete', COMPLETE, COMPLETE_AFTER_POINTS);
const FAIL_DOCS = finishing('trialFail', FAIL, FAIL_AFTER_POINTS);
const PRUNE_DOCS = finishing('trialPrune', PRUNE, PRUNE_AFTER_POINTS);
const RELEASE_DOCS = finishing('trialRelease', RELEASE, RELEASE_AFTER_POINTS);

export { TRIALS_AVAILABLE };

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
      const variables: RunnerRegisterMutationVariables = { input };
      const { runnerRegister } = await request<RunnerRegisterMutation>(REGISTER, variables);
      return runnerRegister;
    },
    async claim(input: { runnerId: string; studyId?: string; limit: number }, signal?: AbortSignal) {
      const variables: TrialClaimMutationVariables = { input };
      const { trialClaim } = await request<TrialClaimMutation>(CLAIM, variables, signal);
      // `params` is a JSON object on the wire (the API stores only points of the study's space).
      return trialClaim as { leases: ClaimedTrial[]; userErrors: UserError[] };
    },
    async report(input: { trialId: string; leaseToken: string; points: WirePoint[] }, signal?: AbortSignal) {
      const { trialId, leaseToken, points } = input;
      const variables: TrialReportMutationVariables = { input: { trialId, leaseToken, columns: columnsOf(points) } };
      const { trialReport } = await request<TrialReportMutation>(REPORT, variables, signal);
      return trialReport;
    },
    complete: finish<Omit<TrialCompleteInput, 'trialId' | 'leaseToken'>>(COMPLETE_DOCS),
    fail: finish<Omit<TrialFailInput, 'trialId' | 'leaseToken'>>(FAIL_DOCS),
    prune: finish<object>(PRUNE_DOCS),
    release: finish<object>(RELEASE_DOCS),
  };
}

export type RunnerApi = ReturnType<typeof runnerApi>;
