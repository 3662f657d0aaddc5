import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal, Role } from './roles';

export const ALLOWED_ROLES = 'callboard:roles';

/** The roles a route allows. A route that declares none (and is not @Public) refuses everyone. */
export const Roles = (...roles: readonly Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export type AuthenticatedRequest = Request & { principal?: Principal };

/** The authenticated caller of the route (the guard has refused anyone else). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
