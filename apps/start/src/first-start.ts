import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { assertNoUserErrors, type GraphqlClient, type UserError } from './graphql.ts';

/** What the launcher remembers between starts, in `<data dir>/start.json` (mode 600: it holds a runner token). */
const stateSchema = z.object({
  version: z.literal(1),
  ownerEmail: z.string().min(1),
  teamId: z.string().min(1),
  projectId: z.string().min(1),
  studyId: z.string().min(1),
  runnerToken: z.string().min(1),
});
export type StartState = z.infer<typeof stateSchema>;

export const stateFileName = 'start.json';

export function readStartState(dataDir: string): StartState | null {
  const file = path.join(dataDir, stateFileName);
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}); move it away to start afresh`);
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: field ${issue?.path.join('.') ?? '?'} ${issue?.message ?? 'is invalid'}; move it away to start afresh`);
  }
  return parsed.data;
}

/** Written to a temporary file first and renamed, so a crash never leaves half a file. */
export function writeStartState(dataDir: string, state: StartState): void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, stateFileName);
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/** The owner's e-mail on a laptop set-up. */
export const ownerEmail = 'owner@tuneboard.local';

/** A password of 16 random URL-safe characters: typed once from the terminal, then changed or kept. */
export function randomPassword(): string {
  return randomBytes(12).toString('base64url');
}

/** Epochs per demo trial: a trial takes a few seconds on one CPU core with the wasm backend (30 epochs took
 * 0.3–2 s here, and the demo was over before a newcomer had signed in). */
export const demoEpochs = 100;

/**
 * Trials in the demo study, two at a time (`demoConcurrency`): the first finish within seconds of the runner
 * starting, and the study keeps running for several minutes on a 2-core laptop, so a newcomer who signs in
 * watches trials arrive live (30 trials were over before anyone had signed in).
 */
export const demoTrials = 120;

/** Trials the local runner trains at once (`TUNEBOARD_CONCURRENCY` for it): the demo's `maxParallel`. */
export const demoConcurrency = 2;

/**
 * The demo study: an MLP on the built-in digits dataset (8×8 images, 10 classes), `demoTrials` trials two at a
 * time, the `auto` sampler and a median pruner. Epochs are fixed (a one-choice categorical), so a trial takes
 * seconds on a laptop CPU and the dashboard fills in while you watch; the pruner waits five epochs and three
 * trials.
 */
export function demoStudyInput(projectId: string) {
  return {
    projectId,
    name: 'Digits MLP',
    description: 'The demo study `npm start` creates: a small MLP on the digits dataset, maximising validation accuracy.',
    objectives: [{ name: 'val_accuracy', direction: 'MAXIMIZE' }],
    space: {
      hidden_layers: { type: 'int', low: 1, high: 3 },
      units: { type: 'int', low: 16, high: 256, log: true },
      learning_rate: { type: 'float', low: 0.0001, high: 0.1, log: true },
      dropout: { type: 'float', low: 0, high: 0.5 },
      batch_size: { type: 'categorical', choices: [16, 32, 64, 128] },
      epochs: { type: 'categorical', choices: [demoEpochs] },
    },
    sampler: { kind: 'auto', seed: 1 },
    pruner: { kind: 'median', warmupSteps: 5, startupTrials: 3 },
    objective: { kind: 'template', template: 'mlp', dataset: 'digits', metric: 'val_accuracy' },
    budget: { maxTrials: demoTrials, maxParallel: demoConcurrency, maxFailures: 3 },
  };
}


/** What a start does: create everything (first start), or resume with what `start.json` remembers. */
export type StartPlan = { kind: 'first-start'; steps: string[] } | { kind: 'resume'; state: StartState };

export function planStart(state: StartState | null): StartPlan {
  if (state) return { kind: 'resume', state };
  return {
    kind: 'first-start',
    steps: [
      `create the owner account ${ownerEmail}`,
      'create the team "Local"',
      'create the project "Demo"',
      'create a runner token for the local runner',
      `create the demo study "Digits MLP" (${demoTrials} trials)`,
    ],
  };
}

interface Payload {
  userErrors: UserError[];
}

/** Runs the first-start plan over GraphQL as the new owner; returns the state to remember and the password. */
export async function runFirstStart(
  client: GraphqlClient,
  say: (line: string) => void,
  password = randomPassword(),
): Promise<{ state: StartState; password: string }> {
  say(`creating the owner account ${ownerEmail}`);
  const signUp = await client.request<{ signUp: Payload & { user: { id: string } | null } }>(
    `mutation ($input: SignUpInput!) { signUp(input: $input) { user { id } userErrors { field message code } } }`,
    { input: { email: ownerEmail, name: 'Owner', password } },
  );
  // Refused because the account exists, or because one does and sign-up now needs an invitation.
  if (signUp.signUp.userErrors.some((e) => e.code === 'SIGNUP_REFUSED' || e.code === 'SIGNUP_CLOSED')) {
    throw new Error(
      `${ownerEmail} could not be created, so an account exists already but start.json is missing (an earlier first start was interrupted). ` +
        'Move the data folder away to start afresh, or set up by hand with the admin CLI (README).',
    );
  }
  assertNoUserErrors('signUp', signUp.signUp.userErrors);

  say('creating the team "Local" and the project "Demo"');
  const team = await client.request<{ teamCreate: Payload & { team: { id: string } | null } }>(
    `mutation ($input: TeamCreateInput!) { teamCreate(input: $input) { team { id } userErrors { field message code } } }`,
    { input: { name: 'Local', slug: 'local' } },
  );
  assertNoUserErrors('teamCreate', team.teamCreate.userErrors);
  const teamId = team.teamCreate.team!.id;
  const project = await client.request<{ projectCreate: Payload & { project: { id: string } | null } }>(
    `mutation ($input: ProjectCreateInput!) { projectCreate(input: $input) { project { id } userErrors { field message code } } }`,
    { input: { teamId, name: 'Demo', slug: 'demo', description: 'The demo project npm start creates.' } },
  );
  assertNoUserErrors('projectCreate', project.projectCreate.userErrors);
  const projectId = project.projectCreate.project!.id;

  say('creating a runner token for the local runner (kept in start.json, not shown)');
  const token = await client.request<{ apiTokenCreate: Payload & { secret: string | null } }>(
    `mutation ($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { secret userErrors { field message code } } }`,
    { input: { teamId, name: 'local runner (npm start)', scope: 'RUNNER' } },
  );
  assertNoUserErrors('apiTokenCreate', token.apiTokenCreate.userErrors);

  say(`creating the demo study "Digits MLP" (${demoTrials} trials, ${demoConcurrency} at a time, auto sampler, median pruner)`);
  const study = await client.request<{ studyCreate: Payload & { study: { id: string } | null } }>(
    `mutation ($input: StudyCreateInput!) { studyCreate(input: $input) { study { id } userErrors { field message code } } }`,
    { input: demoStudyInput(projectId) },
  );
  assertNoUserErrors('studyCreate', study.studyCreate.userErrors);

  return {
    password,
    state: {
      version: 1,
      ownerEmail,
      teamId,
      projectId,
      studyId: study.studyCreate.study!.id,
      runnerToken: token.apiTokenCreate.secret!,
    },
  };
}
