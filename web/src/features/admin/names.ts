/** "billing, vip" → ['billing', 'vip']; nothing typed → [], which the api reads as "all". */
export function parseNames(text: string): string[] {
  return [...new Set(text.split(/[,，\s]+/).map((name) => name.trim()))].filter(Boolean);
}

/** A TV's bookmark: the kiosk wallboard of the token's queues, signed in by the token itself. */
export function kioskUrl(origin: string, secret: string, queues: readonly string[], language: string): string {
  const params = new URLSearchParams();
  params.set('kiosk', '1');
  if (queues.length > 0) params.set('queues', queues.join(','));
  params.set('lang', language);
  params.set('token', secret);
  return `${origin}/wallboard?${params.toString().replaceAll('%2C', ',')}`;
}
