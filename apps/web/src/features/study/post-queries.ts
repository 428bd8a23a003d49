/**
 * urql sends queries as GET by default, and the API's CSRF prevention refuses a GET without a preflight header;
 * the shared client does not switch that off, so the study page's queries ask for POST themselves.
 */
export const POST = { preferGetMethod: false } as const;
