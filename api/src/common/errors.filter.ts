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
    const http = exception instanceof ZodValidationException ? fromZodError(exception.getZodError() as ZodError) : exception;
    if (http instanceof HttpException) {
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
