import type { BrowserContext, Page } from 'playwright-core';
import { cookieHeader, type GraphQLAuth, type Stack } from './stack.ts';

/**
 * Signs a new person up through the dashboard's form, then gives them a team and a project through the API with
 * the session the browser holds: the start of every spec that needs an account of its own.
 */
export async function signUpWithProject(
  stack: Stack,
  context: BrowserContext,
  page: Page,
  person: { name: string; email: string; suffix: string },
): Promise<{ auth: GraphQLAuth; teamId: string; projectId: string }> {
  await signUpInBrowser(page, stack.webUrl, person.name, person.email);
  const auth = { cookie: cookieHeader(await context.cookies(stack.webUrl)) };
  const { teamCreate } = await stack.gql(
    'mutation($i: TeamCreateInput!) { teamCreate(input: $i) { team { id } } }',
    { i: { name: `Lab ${person.suffix}`, slug: `lab-${person.suffix}` } },
    auth,
  );
  const teamId = teamCreate.team.id as string;
  const { projectCreate } = await stack.gql(
    'mutation($i: ProjectCreateInput!) { projectCreate(input: $i) { project { id } } }',
    { i: { teamId, name: 'Main', slug: 'main' } },
    auth,
  );
  return { auth, teamId, projectId: projectCreate.project.id as string };
}

/** Creates an account through the dashboard's sign-up form (password "correct horse battery"); the page is then signed in. */
export async function signUpInBrowser(
  page: Page,
  webUrl: string,
  name: string,
  email: string,
): Promise<void> {
  await page.goto(`${webUrl}/sign-up`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/teams/);
}

/** Signs in through the dashboard's sign-in page at `signInUrl` (where the form sends the person on is not awaited). */
export async function signInInBrowser(
  page: Page,
  signInUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(signInUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
