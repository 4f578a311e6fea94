import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { PUBLISHED_ANCHOR_PATTERN } from '@app/audit';
import { INSTANT_RULE, isInstant, POSITION_PATTERN } from '../http/dto-rules';

export class StreamParams {
  @ApiProperty({ example: 'candidate-bac-giang-2026-1-3f9a1c2e4b5d6a7f' })
  @MaxLength(200)
  // Any stream the store accepts: not "$…" (the server's own), no spaces or slashes.
  @Matches(/^[^$\s/][^\s/]*$/u, { message: 'a stream id: no spaces or slashes, not starting with "$"' })
  streamId!: string;
}

export class HistoryQuery {
  @ApiPropertyOptional({ example: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  fromRevision?: number;

  @ApiPropertyOptional({ example: 100, default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000)
  limit?: number;
}

/** Exactly one of asOf and position; asOf as a strict ISO-8601 instant. */
@ValidatorConstraint({ name: 'asOfOrPosition' })
class AsOfOrPosition implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const { position } = args.object as AsOfQuery;
    if ((value === undefined) === (position === undefined)) return false;
    return value === undefined || isInstant(value);
  }

  defaultMessage(args: ValidationArguments): string {
    const { asOf, position } = args.object as AsOfQuery;
    if (asOf !== undefined && position !== undefined) return 'give asOf or position, not both';
    if (asOf === undefined) return 'give asOf (an ISO-8601 instant) or position';
    return `must be ${INSTANT_RULE}`;
  }
}

export class AsOfQuery {
  @ApiPropertyOptional({ example: '2026-03-01T08:00:00Z', description: 'State from the events recorded at or before this instant' })
  // Checked unless only a position is given; the rule covers both "neither" and "both".
  @ValidateIf((query: AsOfQuery) => query.asOf !== undefined || query.position === undefined)
  @Validate(AsOfOrPosition)
  asOf?: string;

  @ApiPropertyOptional({ example: '42', description: 'State from the events at or before this global position' })
  @ValidateIf((query: AsOfQuery) => query.position !== undefined)
  @Matches(POSITION_PATTERN, { message: 'a global position: "N" or "commit/prepare"' })
  position?: string;
}

export class VerifyQuery {
  @ApiPropertyOptional({
    type: [String],
    example: ['12:3fa94c0d5e1b2a7f8c6d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d'],
    description: 'Anchor hashes kept outside the store, as <revision>:<anchorHash>; repeat for several. Each must be stored unchanged.',
  })
  @IsOptional()
  // One ?anchor= arrives as a string, several as an array.
  @Transform(({ value }) => (typeof value === 'string' ? [value] : value))
  @ArrayMaxSize(1_000)
  @Matches(PUBLISHED_ANCHOR_PATTERN, { each: true, message: 'each must be <revision>:<anchorHash> (64 lowercase hex digits)' })
  anchor?: string[];
}
