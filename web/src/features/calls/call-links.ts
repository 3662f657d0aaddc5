/** The call page's address; the tenant rides along when it is not the default. */
export function callHref(callId: string, tenant: string): string {
  return `/calls/${encodeURIComponent(callId)}${tenant === 'default' ? '' : `?tenant=${encodeURIComponent(tenant)}`}`;
}
