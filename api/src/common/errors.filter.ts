import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';
import { fromZodError } from './bad-parameter';

/**
 * Every error leaves as JSON: validation problems as a 400 naming each parameter, HTTP errors as
 * they are, anything unexpected as a 500 that is logged (and never echoes internals).
 */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorsFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const http = exception instanceof ZodValidationException ? fromZodError(exception.getZodError() as ZodError) : fromHttpError(exception);
    const limited = http instanceof HttpException ? undefined : queryLimitException(exception);
    if (limited) {
      this.logger.warn(`a query reached a ClickHouse limit: ${exception instanceof Error ? exception.message : String(exception)}`);
      if (limited.status === 503) response.setHeader('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
      response.status(limited.status).json(limited.body);
      return;
    }
    if (http instanceof HttpException) {
      if (http.getStatus() === 401) response.setHeader('WWW-Authenticate', 'Bearer');
      if (http.getStatus() === 429 || http.getStatus() === 503) response.setHeader('Retry-After', String(retryAfterSeconds(response)));
      const body = http.getResponse();
      response.status(http.getStatus()).json(typeof body === 'string' ? { statusCode: http.getStatus(), message: body } : body);
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response
      .status(500)
      .json({ statusCode: 500, error: 'Internal Server Error', message: 'The server failed to answer; the error is logged.' });
  }
}

// A busy api (request timeout, database limit) asks for a retry after this long.
const BUSY_RETRY_AFTER_SECONDS = 30;

/**
 * The standard Retry-After: @nestjs/throttler names its header after each limit
 * (`Retry-After-requests`, `Retry-After-signIn`), which browsers and HTTP clients do not read.
 */
function retryAfterSeconds(response: Response): number {
  const named = response
    .getHeaderNames()
    .filter((name) => name.startsWith('retry-after-'))
    .map((name) => Number(response.getHeader(name)))
    .filter((seconds) => Number.isFinite(seconds) && seconds > 0);
  return named.length > 0 ? Math.ceil(Math.max(...named)) : BUSY_RETRY_AFTER_SECONDS;
}

/** body-parser's refusals (a body over the size limit, an unsupported charset) carry their own 4xx status. */
function fromHttpError(error: unknown): unknown {
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  if (!(error instanceof Error) || expose !== true || typeof status !== 'number' || status < 400 || status >= 500) return error;
  return new HttpException({ statusCode: status, error: STATUS_CODES[status], message: error.message }, status);
}

// ClickHouse error codes of the query limits the api sets (api-config.ts `limits.clickHouse`).
const TOO_MANY_ROWS = new Set([158, 396]);
const OVERLOADED = new Set([159, 160, 202, 241]);

/**
 * A query stopped by the api's own ClickHouse limits is an answer, not a failure: too large a
 * result asks the caller to narrow the request (422); too slow or too much memory means the
 * database is busy or the request heavy (503, retry later or narrow it).
 */
function queryLimitException(error: unknown): { status: number; body: object } | undefined {
  const code = clickHouseCodeOf(error);
  if (code !== undefined && TOO_MANY_ROWS.has(code)) {
    return {
      status: 422,
      body: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'the answer would be too large: choose a shorter period, fewer groups or more filters',
      },
    };
  }
  if (code !== undefined && OVERLOADED.has(code)) {
    return {
      status: 503,
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'the query reached the database time or memory limit: retry later, or choose a shorter period',
      },
    };
  }
  return undefined;
}

function clickHouseCodeOf(error: unknown): number | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const { clickhouseCode, code } = current as Error & { clickhouseCode?: number; code?: unknown };
    if (typeof clickhouseCode === 'number') return clickhouseCode;
    if (typeof code === 'string' && /^\d+$/.test(code)) return Number(code);
    const quoted = /Code: (\d+)\./.exec(current.message);
    if (quoted) return Number(quoted[1]);
  }
  return undefined;
}
