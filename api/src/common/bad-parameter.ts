import { BadRequestException } from '@nestjs/common';
import type { ZodError } from 'zod';

export interface ParameterProblem {
  name: string;
  message: string;
}

/** A 400 whose body names every parameter at fault: `{ statusCode, error, message, parameters }`. */
export class BadParameterException extends BadRequestException {
  constructor(readonly parameters: ParameterProblem[]) {
    super({
      statusCode: 400,
      error: 'Bad Request',
      message: parameters.map((problem) => `${problem.name}: ${problem.message}`).join('; '),
      parameters,
    });
  }
}

export function badParameter(name: string, message: string): BadParameterException {
  return new BadParameterException([{ name, message }]);
}

export function fromZodError(error: ZodError): BadParameterException {
  return new BadParameterException(
    error.issues.map((issue) => ({ name: issue.path.length ? issue.path.join('.') : 'body', message: issue.message })),
  );
}
