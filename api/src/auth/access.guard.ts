import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Authenticator } from './authenticator';
import { PUBLIC_ROUTE } from './public.decorator';
import { ALLOWED_ROLES, type AuthenticatedRequest } from './roles.decorator';
import type { Role } from './roles';

/**
 * Every HTTP route: who is calling (401 if nobody the api knows), and whether their role is one
 * the route allows (403). Secure by default: a route that declares no roles refuses everyone.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // the /live gateway authenticates its handshake
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const principal = await this.authenticator.fromHeader(request.headers.authorization);
    if (principal) request.principal = principal;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    if (!principal) {
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'Unauthorized',
        message: request.headers.authorization
          ? 'the bearer token is not valid (expired, revoked or unknown)'
          : 'sign in: this needs a bearer token',
      });
    }
    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ALLOWED_ROLES, targets) ?? [];
    if (!roles.includes(principal.role)) {
      throw new ForbiddenException({ statusCode: 403, error: 'Forbidden', message: `the ${principal.role} role may not do this` });
    }
    return true;
  }
}
