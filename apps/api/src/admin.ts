import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { canonicalTimeZone, timeZoneIssue } from '@tuneboard/contract';
import {
  apiTokenScopes,
  createDb,
  emailSchema,
  membershipRoles,
  signUpPolicies,
  project,
  slugSchema,
  team,
  user,
  type ApiTokenScope,
  type CreateDbOptions,
  type MembershipRole,
  type SignUpPolicy,
} from '@tuneboard/db';
import { issueApiToken } from './auth/api-tokens.ts';
import { createInvitation, invitationLink } from './auth/invitations.ts';
import { hashPassword } from './auth/passwords.ts';
import { textProblem } from './input-text.ts';
import { setSignUpPolicy, signUpPolicy } from './auth/signup-policy.ts';
import { readApiEnv } from './env.ts';
import { createTeamWithOwner } from './resolvers/auth.ts';
import { toGlobalId } from './ids.ts';
import { OptunaImportError, mapOptunaStudy, readOptunaStorage, storeImport } from './import/optuna.ts';
import { SamplerPool } from './lifecycle/sampler-pool.ts';
import { Scheduler } from './lifecycle/scheduler.ts';

const usage = `Tuneboard admin: first set-up and automation from the shell (uses DATABASE_URL, else embedded PGlite).

  npm run admin -w @tuneboard/api -- user create --email EMAIL --name NAME [--password PASSWORD]
  npm run admin -w @tuneboard/api -- team create --slug SLUG --name NAME --owner EMAIL
  npm run admin -w @tuneboard/api -- project create --team SLUG --slug SLUG --name NAME
  npm run admin -w @tuneboard/api -- token create --team SLUG --name NAME --scope RUNNER|READ|WRITE [--expires-days N]
  npm run admin -w @tuneboard/api -- invitation create --team SLUG --email EMAIL --role OWNER|ADMIN|MEMBER|VIEWER
  npm run admin -w @tuneboard/api -- signup-policy set open|invite|closed
  npm run admin -w @tuneboard/api -- signup-policy show
  npm run admin -w @tuneboard/api -- import optuna --storage FILE.db|postgresql://… --study NAME --project TEAM/PROJECT
      [--name NAME] [--sampler KIND] [--trials N] [--parallel N] [--time-zone ZONE]

Without --password a random one is generated and printed once. A token's secret and an invitation's link are
printed once. The sign-up policy stored here overrides TUNEBOARD_SIGNUP_POLICY on every API replica.

import optuna reads one study of an Optuna RDB storage (Optuna 3.x or 4.x): a SQLite file (python3 reads it)
or a Postgres URL (read-only), and creates a study of that name (or --name) in the project with its trials,
intermediate values and user attributes (as tags, or notes where a tag does not fit), continued by
the Python client with the sampler KIND (default auto): --trials more trials (default no limit), --parallel at
once (default 4). Optuna stores trial times without a time zone, as the writing machine's clock read them:
--time-zone names that machine's zone (an IANA name such as Europe/Paris, or an offset such as +02:00; default
UTC). Importing the same study again says so and changes nothing.`;

export class UsageError extends Error {}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || !value) throw new UsageError(`--${name} is required`);
  return value;
}

/** A name as the API takes it: trimmed, 1 to 100 characters, storable text. */
function name(values: Record<string, string | boolean | undefined>): string {
  const value = required(values, 'name').trim();
  const problem = textProblem(value);
  if (problem) throw new UsageError(`--name ${problem}`);
  if (value.length < 1 || value.length > 100) throw new UsageError(`--name must have 1 to 100 characters, got ${value.length}`);
  return value;
}

function slug(value: string, flag: string): string {
  if (!slugSchema.safeParse(value).success) {
    throw new UsageError(`--${flag} must be lower-case letters, digits and single hyphens, got ${JSON.stringify(value)}`);
  }
  return value;
}

export async function runAdmin(
  argv: string[],
  print: (line: string) => void = console.log,
  dbOptions: CreateDbOptions = {},
): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      slug: { type: 'string' },
      owner: { type: 'string' },
      team: { type: 'string' },
      scope: { type: 'string' },
      'expires-days': { type: 'string' },
      storage: { type: 'string' },
      study: { type: 'string' },
      project: { type: 'string' },
      sampler: { type: 'string' },
      trials: { type: 'string' },
      parallel: { type: 'string' },
      'time-zone': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  // `signup-policy set POLICY` is the one command with an argument.
  const setsPolicy = positionals.length === 3 && positionals[0] === 'signup-policy' && positionals[1] === 'set';
  const command = setsPolicy ? 'signup-policy set' : positionals.join(' ');
  const argument = positionals[2];
  if (values.help || !command) {
    print(usage);
    return;
  }
  const handle = await createDb(dbOptions);
  try {
    await handle.migrate();
    const db = handle.db;
    const teamBySlug = async (value: string) => {
      const [row] = await db.select().from(team).where(eq(team.slug, value));
      if (!row) throw new UsageError(`no team has the slug ${JSON.stringify(value)}`);
      return row;
    };
    switch (command) {
      case 'user create': {
        const email = required(values, 'email').trim().toLowerCase();
        if (!z.string().email().max(254).safeParse(email).success) {
          throw new UsageError(`--email must be an e-mail address, got ${JSON.stringify(email)}`);
        }
        const password = values.password ?? randomBytes(12).toString('base64url');
        if (password.length < 10) throw new UsageError('--password must have at least 10 characters');
        const [row] = await db
          .insert(user)
          .values({ email, name: name(values), passwordHash: await hashPassword(password) })
          .returning();
        print(`created user ${row!.email}`);
        if (!values.password) print(`password (shown once): ${password}`);
        return;
      }
      case 'team create': {
        const ownerEmail = required(values, 'owner').trim().toLowerCase();
        const [owner] = await db.select().from(user).where(eq(user.email, ownerEmail));
        if (!owner) throw new UsageError(`no user has the e-mail ${ownerEmail}; create it first`);
        const row = await createTeamWithOwner({ db }, owner.id, name(values), slug(required(values, 'slug'), 'slug'));
        print(`created team ${row.slug} owned by ${ownerEmail}`);
        return;
      }
      case 'project create': {
        const owner = await teamBySlug(required(values, 'team'));
        const [row] = await db
          .insert(project)
          .values({ teamId: owner.id, name: name(values), slug: slug(required(values, 'slug'), 'slug') })
          .returning();
        print(`created project ${owner.slug}/${row!.slug}`);
        return;
      }
      case 'token create': {
        const owner = await teamBySlug(required(values, 'team'));
        const scope = required(values, 'scope').toUpperCase();
        if (!apiTokenScopes.includes(scope as ApiTokenScope)) {
          throw new UsageError(`--scope must be one of ${apiTokenScopes.join(', ')}, got ${JSON.stringify(values.scope)}`);
        }
        const days = values['expires-days'] === undefined ? null : Number(values['expires-days']);
        if (days !== null && !(Number.isInteger(days) && days >= 1)) {
          throw new UsageError(`--expires-days must be a whole number of days >= 1, got ${values['expires-days']}`);
        }
        const { row, secret } = await issueApiToken(db, {
          teamId: owner.id,
          createdById: null,
          name: name(values),
          scope: scope as ApiTokenScope,
          expiresInDays: days,
        });
        print(`created ${row.scope} token "${row.name}" for team ${owner.slug}`);
        print(`secret (shown once): ${secret}`);
        return;
      }
      case 'invitation create': {
        const owner = await teamBySlug(required(values, 'team'));
        const email = emailSchema.safeParse(required(values, 'email'));
        if (!email.success) throw new UsageError(`--email must be an e-mail address, got ${JSON.stringify(values.email)}`);
        const role = required(values, 'role').toUpperCase();
        if (!membershipRoles.includes(role as MembershipRole)) {
          throw new UsageError(`--role must be one of ${membershipRoles.join(', ')}, got ${JSON.stringify(values.role)}`);
        }
        const { token } = await createInvitation(db, { teamId: owner.id, email: email.data, role: role as MembershipRole, invitedById: null });
        print(`invited ${email.data} to team ${owner.slug} as ${role}`);
        print(`link (shown once; prefix it with the dashboard's address): ${invitationLink(token)}`);
        return;
      }
      case 'signup-policy set': {
        if (!signUpPolicies.includes(argument as SignUpPolicy)) {
          throw new UsageError(`signup-policy set takes one of ${signUpPolicies.join(', ')}, got ${JSON.stringify(argument)}`);
        }
        await setSignUpPolicy(db, argument as SignUpPolicy);
        print(`sign-up policy: ${argument}`);
        return;
      }
      case 'import optuna': {
        const storage = required(values, 'storage');
        const studyName = required(values, 'study');
        const [teamSlug, projectSlug, extra] = required(values, 'project').split('/');
        if (!teamSlug || !projectSlug || extra !== undefined) {
          throw new UsageError(`--project is TEAM/PROJECT (slugs), got ${JSON.stringify(values.project)}`);
        }
        const owner = await teamBySlug(teamSlug);
        const [home] = await db.select().from(project).where(and(eq(project.teamId, owner.id), eq(project.slug, projectSlug)));
        if (!home) throw new UsageError(`team ${owner.slug} has no project with the slug ${JSON.stringify(projectSlug)}`);
        const count = (flag: 'trials' | 'parallel', max: number) => {
          if (values[flag] === undefined) return undefined;
          const n = Number(values[flag]);
          if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${flag} must be a whole number from 1 to ${max}, got ${values[flag]}`);
          return n;
        };
        const zone = values['time-zone'];
        const zoneRefused = zone === undefined ? undefined : timeZoneIssue(zone);
        if (zoneRefused) throw new UsageError(`--time-zone ${zoneRefused.message.replace(/^timeZone /, '')}`);
        const timeZone = zone === undefined ? 'UTC' : canonicalTimeZone(zone)!;
        // The first top-up runs inline: a command that exits when done keeps no sampler threads.
        const scheduler = new Scheduler(new SamplerPool(0));
        try {
          const plan = mapOptunaStudy(await readOptunaStorage(storage, studyName), values.name === undefined ? undefined : name(values), timeZone);
          const { studyId, created } = await storeImport(db, scheduler, plan, {
            projectId: home.id,
            storage,
            optunaStudy: studyName,
            sampler: values.sampler === undefined ? undefined : { kind: values.sampler },
            maxTrials: count('trials', 1_000_000),
            maxParallel: count('parallel', 1_000),
          });
          const id = toGlobalId('Study', studyId);
          if (!created) {
            print(`the Optuna study "${studyName}" was imported before, as ${owner.slug}/${home.slug} "${plan.name}" (${id}); nothing changed`);
            return;
          }
          const states = (state: string) => plan.trials.filter((t) => t.state === state).length;
          print(`imported the Optuna study "${studyName}" as ${owner.slug}/${home.slug} "${plan.name}" (${id})`);
          print(
            `${plan.trials.length} trials (${states('COMPLETE')} complete, ${states('PRUNED')} pruned, ${states('FAIL')} failed)` +
              `${plan.skipped ? `; ${plan.skipped} running or waiting left out` : ''}` +
              `${plan.userAttributes.asTags + plan.userAttributes.inNotes ? `; user attributes as ${plan.userAttributes.asTags} tags and ${plan.userAttributes.inNotes} note lines` : ''}`,
          );
          print(`continue it from Python: tb.Client(url, token).study("${id}").optimize(objective, n_trials=...)`);
        } catch (error) {
          if (error instanceof OptunaImportError) throw new UsageError(`import optuna: ${error.message}`);
          throw error;
        } finally {
          await scheduler.close();
        }
        return;
      }
      case 'signup-policy show':
        print(`sign-up policy: ${await signUpPolicy(db, readApiEnv())}`);
        return;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}\n\n${usage}`);
    }
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runAdmin(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`tuneboard admin: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
