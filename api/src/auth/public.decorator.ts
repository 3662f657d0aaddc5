import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'callboard:public';

/** A route anyone may call without a token: liveness, readiness, sign-in. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
