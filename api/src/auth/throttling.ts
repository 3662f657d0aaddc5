import { Injectable, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerOptions } from '@nestjs/throttler';
import type { AuthenticatedRequest } from './roles.decorator';

const SIGN_IN_ROUTE = 'callboard:sign-in';
const MINUTE_MS = 60_000;

/** A route that checks a password or a refresh token: limited per address, to slow down guessing. */
export const SignInAttempts = () => SetMetadata(SIGN_IN_ROUTE, true);

/**
 * Two limits per minute: every request, counted per caller (principal, else address), so one
 * busy TV or script cannot starve the others; and sign-in attempts, counted per address.
 * Counts are per api instance.
 */
export function throttlersOf(limits: { requestsPerMinute: number; signInAttemptsPerMinute: number }): ThrottlerOptions[] {
  return [
    { name: 'requests', ttl: MINUTE_MS, limit: limits.requestsPerMinute },
    {
      name: 'signIn',
      ttl: MINUTE_MS,
      limit: limits.signInAttemptsPerMinute,
      skipIf: (context: ExecutionContext) => Reflect.getMetadata(SIGN_IN_ROUTE, context.getHandler()) !== true,
    },
  ];
}

/** Runs after the access guard, so an authenticated caller is counted as who they are. */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  override canActivate(context: ExecutionContext): Promise<boolean> {
    // Socket messages are authorised by the gateway; a socket is one connection, not a request stream.
    return context.getType() === 'http' ? super.canActivate(context) : Promise.resolve(true);
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const { principal, ip } = request as unknown as AuthenticatedRequest;
    return Promise.resolve(principal ? `${principal.kind}:${principal.id}` : (ip ?? 'unknown'));
  }

  // One count per caller over every route: the library's default key counts each route apart,
  // which would multiply the limit by the number of routes (and split sign-in from refresh).
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }
}
