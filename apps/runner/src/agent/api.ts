// The runner protocol of apps/api (apps/api/src/schema/runners.graphql), as typed calls: documents in
// documents.ts, their types generated from the schema (src/generated/graphql.ts).
import { MAX_REPORT_POINTS, type RunnerCapabilities } from '@tuneboard/contract';
import type {
  RunnerRegisterMutation,
  RunnerRegisterMutationVariables,
  RunnerStudyQuery,
  RunnerStudyQueryVariables,
  TrialClaimMutation,
  TrialClaimMutationVariables,
  TrialCompleteInput,
  TrialFailInput,
  TrialLogAppendMutation,
  TrialLogAppendMutationVariables,
  TrialLogStream,
  TrialReportMutation,
  TrialReportMutationVariables,
} from '../generated/graphql.ts';
import {
  CLAIM,
  COMPLETE,
  COMPLETE_AFTER_LINES,
  COMPLETE_AFTER_LINES_AND_POINTS,
  COMPLETE_AFTER_POINTS,
  FAIL,
  FAIL_AFTER_LINES,
  FAIL_AFTER_LINES_AND_POINTS,
  FAIL_AFTER_POINTS,
  LOG_APPEND,
  PRUNE,
  PRUNE_AFTER_LINES,
  PRUNE_AFTER_LINES_AND_POINTS,
  PRUNE_AFTER_POINTS,
  REGISTER,
  RELEASE,
  RELEASE_AFTER_LINES,
  RELEASE_AFTER_LINES_AND_POINTS,
  RELEASE_AFTER_POINTS,
  REPORT,
  STUDY,
  TRIALS_AVAILABLE,
} from './documents.ts';
import type { Request } from './graphql-client.ts';

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

/** Each way an attempt ends: the mutation's field and its documents alone, after the last points, lines, or both. */
const finishing = (field: string, alone: string, afterPoints: string, afterLines: string, afterLinesAndPoints: string) => ({
  field,
  document: (withLines: boolean, withPoints: boolean) => (withLines ? (withPoints ? afterLinesAndPoints : afterLines) : withPoints ? afterPoints : alone),
});
const COMPLETE_DOCS = finishing('trialComplete', COMPLETE, COMPLETE_AFTER_POINTS, COMPLETE_AFTER_LINES, COMPLETE_AFTER_LINES_AND_POINTS);
const FAIL_DOCS = finishing('trialFail', FAIL, FAIL_AFTER_POINTS, FAIL_AFTER_LINES, FAIL_AFTER_LINES_AND_POINTS);
const PRUNE_DOCS = finishing('trialPrune', PRUNE, PRUNE_AFTER_POINTS, PRUNE_AFTER_LINES, PRUNE_AFTER_LINES_AND_POINTS);
const RELEASE_DOCS = finishing('trialRelease', RELEASE, RELEASE_AFTER_POINTS, RELEASE_AFTER_LINES, RELEASE_AFTER_LINES_AND_POINTS);

/** A trial's log line on the wire. */
export interface WireLogLine {
  stream: TrialLogStream;
  text: string;
}

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

type Finish<Input> = (
  input: Input & { trialId: string; leaseToken: string },
  signal?: AbortSignal,
  points?: WirePoint[],
  lines?: WireLogLine[],
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
      const variables: RunnerRegisterMutationVariables = { input };
      const { runnerRegister } = await request<RunnerRegisterMutation>(REGISTER, variables);
      return runnerRegister;
    },
    /** The study of `--study` as the runner reads it before claiming; null when the token's team has no such study. */
    async study(id: string, signal?: AbortSignal) {
      const variables: RunnerStudyQueryVariables = { id };
      const { study } = await request<RunnerStudyQuery>(STUDY, variables, signal);
      return study;
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
    /** Appends lines to the trial's log (only the lease holder may; `STALE_LEASE` otherwise). */
    async appendLog(input: { trialId: string; leaseToken: string; lines: WireLogLine[] }, signal?: AbortSignal) {
      const variables: TrialLogAppendMutationVariables = { input };
      const { trialLogAppend } = await request<TrialLogAppendMutation>(LOG_APPEND, variables, signal);
      return trialLogAppend;
    },
    complete: finish<Omit<TrialCompleteInput, 'trialId' | 'leaseToken'>>(COMPLETE_DOCS),
    fail: finish<Omit<TrialFailInput, 'trialId' | 'leaseToken'>>(FAIL_DOCS),
    prune: finish<object>(PRUNE_DOCS),
    release: finish<object>(RELEASE_DOCS),
  };
}

export type RunnerApi = ReturnType<typeof runnerApi>;
