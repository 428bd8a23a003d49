import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { trialAttempt, trialLog, type TrialLogStream } from '@tuneboard/db';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { LIST_MAX } from '../limits.ts';
import { MAX_LOG_APPEND_BYTES, MAX_LOG_LINE_BYTES, MAX_LOG_LINES, appendTrialLog } from '../lifecycle/trial-log.ts';
import { userError } from './common.ts';
import { boundedInt, shown } from './list-limits.ts';
import { leasedWrite, onProtocolPool, refusal, staleLease } from './runners.ts';

/** The newest kept line's end and the oldest kept line's start: the log's extent, read once per request and trial. */
async function extent(ctx: Context, trialId: number): Promise<{ start: number; end: number }> {
  const cache = (extents.get(ctx.loaders) ?? new Map<number, Promise<{ start: number; end: number }>>()) as Map<
    number,
    Promise<{ start: number; end: number }>
  >;
  extents.set(ctx.loaders, cache);
  let found = cache.get(trialId);
  if (!found) {
    // Two index probes on the primary key: the first and the last line.
    found = ctx.db
      .select({
        start: sql<string | null>`(select end_offset - octet_length(text) - 1 from trial_log where trial_id = ${trialId} order by end_offset limit 1)`,
        end: sql<string | null>`(select end_offset from trial_log where trial_id = ${trialId} order by end_offset desc limit 1)`,
      })
      .from(sql`(select 1) as one`)
      .then(([row]) => ({ start: Number(row?.start ?? 0), end: Number(row?.end ?? 0) }));
    cache.set(trialId, found);
  }
  return found;
}
const extents = new WeakMap<object, Map<number, Promise<{ start: number; end: number }>>>();

/** Why a batch of lines cannot be stored, naming the line; undefined when it can. */
function linesProblem(lines: readonly { text: string }[]): { field: string[]; message: string } | undefined {
  if (lines.length > MAX_LOG_LINES) return { field: ['input', 'lines'], message: `send at most ${MAX_LOG_LINES} lines per call, got ${lines.length}` };
  let total = 0;
  for (const [i, line] of lines.entries()) {
    const bytes = Buffer.byteLength(line.text, 'utf8');
    if (bytes < 1 || bytes > MAX_LOG_LINE_BYTES) {
      return {
        field: ['input', 'lines', String(i), 'text'],
        message: `a line must have 1 to ${MAX_LOG_LINE_BYTES} bytes of UTF-8 (cut longer lines), got ${bytes}: ${shown(line.text)}`,
      };
    }
    if (/[\n\r]/.test(line.text)) {
      return { field: ['input', 'lines', String(i), 'text'], message: `a line must not contain a line break, got ${shown(line.text)}` };
    }
    total += bytes + 1;
  }
  if (total > MAX_LOG_APPEND_BYTES) {
    return { field: ['input', 'lines'], message: `send at most ${MAX_LOG_APPEND_BYTES} bytes per call, got ${total}` };
  }
  return undefined;
}

function lineOf(row: typeof trialLog.$inferSelect) {
  return { offset: Number(row.endOffset), attempt: row.attempt, stream: row.stream, text: row.text, time: row.time };
}

export const trialLogResolvers: Resolvers = {
  Trial: {
    // The trial itself was authorised when it was loaded (`Query.trial`, a study's trials, `node`).
    log: (row) => ({ trialId: row.id }),
    attempts: async (row, _args, ctx) => {
      const rows = await ctx.db
        .select()
        .from(trialAttempt)
        .where(eq(trialAttempt.trialId, row.id))
        .orderBy(asc(trialAttempt.attempt))
        .limit(LIST_MAX.default);
      return rows;
    },
  },
  TrialAttempt: {
    runner: async (row, _args, ctx) => (row.runnerId ? ((await ctx.loaders.runner.load(row.runnerId)) ?? null) : null),
    outcome: (row) => row.outcome,
  },
  TrialLog: {
    lines: async ({ trialId }, args, ctx) => {
      const first = boundedInt('log.lines(first:)', args.first ?? 500, 1, LIST_MAX.logLines);
      const after = args.after;
      if (after != null) {
        boundedInt('log.lines(after:)', after, 0, Number.MAX_SAFE_INTEGER);
        const rows = await ctx.db
          .select()
          .from(trialLog)
          .where(and(eq(trialLog.trialId, trialId), gt(trialLog.endOffset, after)))
          .orderBy(asc(trialLog.endOffset))
          .limit(first);
        return rows.map(lineOf);
      }
      const rows = await ctx.db
        .select()
        .from(trialLog)
        .where(eq(trialLog.trialId, trialId))
        .orderBy(desc(trialLog.endOffset))
        .limit(first);
      return rows.reverse().map(lineOf);
    },
    endOffset: async ({ trialId }, _args, ctx) => (await extent(ctx, trialId)).end,
    bytes: async ({ trialId }, _args, ctx) => {
      const { start, end } = await extent(ctx, trialId);
      return end - start;
    },
    truncated: async ({ trialId }, _args, ctx) => (await extent(ctx, trialId)).start > 0,
    text: async ({ trialId }, _args, ctx) => {
      // At most 1 MiB of lines (the log's bound), read in key order.
      const rows = await ctx.db.select().from(trialLog).where(eq(trialLog.trialId, trialId)).orderBy(asc(trialLog.endOffset));
      const head = rows.length > 0 && Number(rows[0]!.endOffset) - Buffer.byteLength(rows[0]!.text, 'utf8') - 1 > 0 ? ['[older lines trimmed: the log keeps its last 1 MiB]'] : [];
      return [...head, ...rows.map((r) => `[attempt ${r.attempt} ${r.stream.toLowerCase()} ${r.time.toISOString()}] ${r.text}`)].join('\n') + (rows.length ? '\n' : '');
    },
  },
  Mutation: {
    trialLogAppend: async (_parent, { input }, ctx) => {
      onProtocolPool(ctx);
      const problem = linesProblem(input.lines);
      if (problem) return { accepted: 0, userErrors: [userError(problem.field, problem.message)] };
      try {
        const write = leasedWrite(ctx, input.trialId, input.leaseToken);
        const result =
          write &&
          (await appendTrialLog(ctx.db, ctx.events, {
            ...write,
            streams: input.lines.map((line) => (line.stream ?? 'RUNNER') as TrialLogStream),
            texts: input.lines.map((line) => line.text),
          }));
        if (!result) return await refusal(ctx, input.trialId, input.leaseToken);
        return { accepted: result.accepted, userErrors: [] };
      } catch (error) {
        return { accepted: 0, userErrors: staleLease(error) };
      }
    },
  },
};
