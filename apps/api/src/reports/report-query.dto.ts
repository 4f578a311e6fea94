import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { COMMUNE_CODE, DISTRICT_CODE, ID_PATTERN, ID_RULE, POSITION_PATTERN, POSITION_RULE } from '../http/dto-rules';

/** What every report accepts: the answer's format and a position to wait for (read-your-writes). */
export class ReportQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: UTF-8 with BOM, header row, RFC 4180; also chosen by Accept: text/csv' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({
    example: '42',
    description: 'Wait (up to 2 s) until the report reflects this position, as returned by a command; 503 READ_MODEL_BEHIND otherwise',
  })
  @IsOptional()
  @Matches(POSITION_PATTERN, { message: POSITION_RULE })
  minPosition?: string;
}

export class RoundFilterDto extends ReportQueryDto {
  @ApiPropertyOptional({ example: 'bac-giang-2026-1' }) @IsOptional() @Matches(ID_PATTERN, { message: ID_RULE }) roundId?: string;

  @ApiPropertyOptional({ example: '216', description: 'A district board is limited to its own district' })
  @IsOptional()
  @Matches(DISTRICT_CODE, { message: 'a three-digit district code' })
  district?: string;
}

export class PlaceFilterDto extends RoundFilterDto {
  @ApiPropertyOptional({ example: '07351' })
  @IsOptional()
  @Matches(COMMUNE_CODE, { message: 'a five-digit commune code' })
  commune?: string;
}

export const BOARD_VIEWS = ['candidates', 'counts'] as const;

export class PipelineBoardQueryDto extends PlaceFilterDto {
  @ApiPropertyOptional({ example: 'training' }) @IsOptional() @Matches(ID_PATTERN, { message: ID_RULE }) step?: string;

  @ApiPropertyOptional({ enum: ['active', 'exited', 'completed'] })
  @IsOptional()
  @IsIn(['active', 'exited', 'completed'])
  status?: 'active' | 'exited' | 'completed';

  @ApiPropertyOptional({
    enum: BOARD_VIEWS,
    default: 'candidates',
    description: 'one row per candidate, or counts per round × district × commune × step',
  })
  @IsOptional()
  @IsIn(BOARD_VIEWS)
  view?: (typeof BOARD_VIEWS)[number];
}

export class NeedsCoverageQueryDto extends PlaceFilterDto {
  @ApiPropertyOptional({ example: 'finance-accounting' }) @IsOptional() @Matches(ID_PATTERN, { message: ID_RULE }) title?: string;
}

export class CohortOutcomesQueryDto extends RoundFilterDto {
  @ApiPropertyOptional({ example: 'bac-giang-2026-lop-1' }) @IsOptional() @Matches(ID_PATTERN, { message: ID_RULE }) classId?: string;

  @ApiPropertyOptional({ enum: ['class', 'district', 'class-district'], default: 'class-district' })
  @IsOptional()
  @IsIn(['class', 'district', 'class-district'])
  by?: 'class' | 'district' | 'class-district';
}

export class StepFunnelQueryDto extends RoundFilterDto {}

export class ProgrammeTargetQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ example: 'bac-giang-graduate', description: 'A pipeline definition id' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_RULE })
  programme?: string;

  @ApiPropertyOptional({ example: '216', description: 'Counts for one district (without the province-wide target)' })
  @IsOptional()
  @Matches(DISTRICT_CODE, { message: 'a three-digit district code' })
  district?: string;
}
