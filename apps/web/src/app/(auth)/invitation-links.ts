// Links that keep an invitation's token while someone signs in or creates an account, so they come back to it.

/** The invitation link's page: where someone signed in accepts, and a newcomer creates an account with the token. */
export function invitationPath(token: string): string {
  return `/invite/${encodeURIComponent(token)}`;
}

/** The sign-in page for an invitation: it comes back to the invitation's page once signed in. */
export function signInToAccept(token: string): string {
  return `/sign-in?invitation=${encodeURIComponent(token)}`;
}

/** The token from the sign-in page's `?invitation=` (the first one, trimmed); undefined when there is none. */
export function invitationParam(raw: string | string[] | undefined): string | undefined {
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}

/** Where sign-in lands: back on the invitation's page when it came from one, else the home page. */
export function afterSignIn(invitationToken: string | undefined): string {
  return invitationToken ? invitationPath(invitationToken) : '/?from=sign-in';
}
