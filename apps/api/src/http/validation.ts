import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { problem, ProblemException } from './problem';

/** Flattens class-validator's tree into one entry per field and rule, with dotted paths. */
export function fieldErrors(errors: ValidationError[], parent = ''): { field: string; rule: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule: `${rule}: ${message}` }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/**
 * Every body, query and path parameter is a class-validator DTO: unknown
 * fields are refused, values are converted to their declared types, and the
 * answer names each field and rule that failed.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const list = fieldErrors(errors);
      return new ProblemException(
        problem(400, 'VALIDATION_FAILED', list.map((entry) => `${entry.field}: ${entry.rule}`).join('; '), { errors: list }),
      );
    },
  });
}
