import { ApiError } from '../../ui/api-client.ts';

/** The server's per-field issues (`body.email` → `email`), and whatever it said that names no field. */
export function issuesByField(error: unknown): { fields: Record<string, string>; general?: string } {
  if (!(error instanceof ApiError))
    return error instanceof Error ? { fields: {}, general: error.message } : { fields: {} };
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.replace(/^body\.?/, '').split(/[.[]/)[0] ?? '';
    if (field && !fields[field]) fields[field] = issue.message;
  }
  return Object.keys(fields).length > 0 ? { fields } : { fields, general: error.message };
}

/**
 * Where to go after signing in: only a path of this site, so a crafted `?next=https://evil.example` link cannot
 * send a customer elsewhere; the sign-in pages themselves lead to the account.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/account';
  if (/^\/sign-(in|up)\b/.test(next)) return '/account';
  return next;
}

/** The sign-in link that comes back here afterwards. */
export function signInPath(here: string): string {
  return `/sign-in?${new URLSearchParams({ next: here }).toString()}`;
}
