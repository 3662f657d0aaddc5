/** The login page's address that comes back to `here` afterwards. */
export function loginPath(here: string): string {
  return here === '/' || here === '' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}

/** `next` only ever names a page of this app: never another site (`//evil.example`), never /login itself. */
export function safeNext(next: string | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  if (/^\/login(?:[/?#]|$)/.test(next)) return undefined;
  return next;
}
