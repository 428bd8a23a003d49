import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { Resolvers } from './generated/graphql.ts';
import { guardTextArguments } from './input-text.ts';
import { analysisResolvers } from './resolvers/analysis.ts';
import { artifactResolvers } from './resolvers/artifacts.ts';
import { evaluationResolvers } from './resolvers/evaluations.ts';
import { authResolvers } from './resolvers/auth.ts';
import { exportResolvers } from './resolvers/export.ts';
import { compareResolvers } from './resolvers/compare.ts';
import { homeResolvers } from './resolvers/home.ts';
import { importResolvers } from './resolvers/import.ts';
import { nodeResolvers } from './resolvers/node.ts';
import { noteResolvers } from './resolvers/notes.ts';
import { runnerResolvers } from './resolvers/runners.ts';
import { searchResolvers } from './resolvers/search.ts';
import { DateTimeScalar, JSONScalar, MetricValueScalar } from './resolvers/scalars.ts';
import { studyResolvers } from './resolvers/studies.ts';
import { studyEventResolvers } from './resolvers/study-events.ts';
import { teamResolvers } from './resolvers/teams.ts';
import { trialLogResolvers } from './resolvers/trial-log.ts';

const schemaDir = fileURLToPath(new URL('./schema/', import.meta.url));

/** The SDL, one file per domain (the source of truth; resolver types are generated from it). */
export const typeDefs = readdirSync(schemaDir)
  .filter((file) => file.endsWith('.graphql'))
  .sort()
  .map((file) => readFileSync(schemaDir + file, 'utf8'));

const domains: Resolvers[] = [nodeResolvers, authResolvers, teamResolvers, studyResolvers, studyEventResolvers, runnerResolvers, analysisResolvers, homeResolvers, noteResolvers, exportResolvers, importResolvers, searchResolvers, compareResolvers, trialLogResolvers, artifactResolvers, evaluationResolvers];

export const schema = guardTextArguments(
  makeExecutableSchema({
    typeDefs,
    resolvers: [{ JSON: JSONScalar, MetricValue: MetricValueScalar, DateTime: DateTimeScalar }, ...domains] as never,
  }),
);
