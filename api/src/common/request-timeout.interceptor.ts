import {
  Inject,
  Injectable,
  ServiceUnavailableException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { catchError, throwError, timeout, TimeoutError, type Observable } from 'rxjs';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../infrastructure/tokens';

/**
 * No request hangs: one that has not answered within CALLBOARD_REQUEST_TIMEOUT_MS gets a 503
 * saying so (ClickHouse's own max_execution_time normally ends a slow query first).
 */
@Injectable()
export class RequestTimeoutInterceptor implements NestInterceptor {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const limitMs = this.config.limits.requestTimeoutMs;
    return next.handle().pipe(
      timeout(limitMs),
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof TimeoutError
            ? new ServiceUnavailableException(`the answer took longer than ${limitMs / 1000} s; try a shorter period or fewer groups`)
            : error,
        ),
      ),
    );
  }
}
