import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** API tokens: `cbt_<id>.<secret>`; refresh tokens: `cbr_<session id>.<secret>`. Only hashes are stored. */
export const API_TOKEN_PREFIX = 'cbt_';
export const REFRESH_TOKEN_PREFIX = 'cbr_';
const CREDENTIAL = /^(cbt_|cbr_)([A-Za-z0-9_-]{8,64})\.([A-Za-z0-9_-]{20,128})$/;

export interface Credential {
  id: string;
  secret: string;
}

export function newId(): string {
  return randomBytes(9).toString('base64url');
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function formatCredential(prefix: typeof API_TOKEN_PREFIX | typeof REFRESH_TOKEN_PREFIX, credential: Credential): string {
  return `${prefix}${credential.id}.${credential.secret}`;
}

export function parseCredential(prefix: typeof API_TOKEN_PREFIX | typeof REFRESH_TOKEN_PREFIX, text: string): Credential | undefined {
  const match = CREDENTIAL.exec(text);
  return match && match[1] === prefix ? { id: match[2]!, secret: match[3]! } : undefined;
}

/** Random secrets carry 256 bits, so a plain SHA-256 is enough to store them (no slow hash needed). */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares without leaking, through timing, how much of the guess was right. */
export function sameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(createHash('sha256').update(presented).digest(), createHash('sha256').update(expected).digest());
}

/** Passwords: argon2id with the library's defaults (19 MiB, 2 passes: OWASP's recommendation). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the username is unknown, so a wrong name takes as long as a wrong password.
const UNKNOWN_USER_HASH = hash('no such user: a constant-time decoy');

export async function passwordMatches(storedHash: string | undefined, password: string): Promise<boolean> {
  if (storedHash === undefined) {
    await verify(await UNKNOWN_USER_HASH, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
