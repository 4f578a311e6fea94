import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { POSITION_PATTERN, POSITION_RULE } from './dto-rules';

/** An optional whole number in a query string, at least 1 and at most `max`. */
export const OptionalCount = (example: number, defaultValue?: number, max?: number) =>
  applyDecorators(
    ApiPropertyOptional({ example, ...(defaultValue ? { default: defaultValue } : {}), ...(max ? { maximum: max } : {}) }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    ...(max ? [Max(max)] : []),
  );

/** `minPosition`: a command's `position`; the read waits (up to 2 s) until the read model includes it. */
export const OptionalMinPosition = () =>
  applyDecorators(
    ApiPropertyOptional({ example: '42', description: 'Wait (up to 2 s) until the read model includes this global position' }),
    IsOptional(),
    Matches(POSITION_PATTERN, { message: POSITION_RULE }),
  );
