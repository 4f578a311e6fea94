import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DEGREE_LEVELS, PRIOR_POSITIONS, STUDY_MODES } from '@app/pipeline';
import { ID_PATTERN, ID_RULE } from '../http/dto-rules';

export const CANDIDATE_ID = /^[a-z0-9][a-z0-9-]{0,127}$/;

export class CandidateParams {
  @ApiProperty({ example: 'bac-giang-2026-1-3f9a1c2e4b5d6a7f' })
  @Matches(CANDIDATE_ID, { message: 'a candidate id as returned on application' })
  candidateId!: string;
}

export class EducationDto {
  @ApiProperty({ enum: Object.keys(DEGREE_LEVELS), example: 'university' })
  @IsIn(Object.keys(DEGREE_LEVELS))
  degree!: keyof typeof DEGREE_LEVELS;

  @ApiProperty({ enum: Object.keys(STUDY_MODES), example: 'full-time' })
  @IsIn(Object.keys(STUDY_MODES))
  studyMode!: keyof typeof STUDY_MODES;

  @ApiProperty({ example: 'Kế toán' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  major!: string;

  @ApiProperty({ example: 'Học viện Tài chính' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  institution!: string;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1950)
  @Max(2100)
  graduationYear!: number;
}

export class ApplyDto {
  @ApiProperty({ example: 'bac-giang-2026-1' })
  @Matches(ID_PATTERN, { message: ID_RULE })
  roundId!: string;

  @ApiProperty({ example: 'ngoc-van-tai-chinh' })
  @Matches(ID_PATTERN, { message: ID_RULE })
  needId!: string;

  @ApiProperty({
    example: '024201001234',
    description: 'Citizen identity number (12 digits); only a hash of it is kept, in the candidate id',
  })
  @Matches(/^\d{12}$/, { message: 'a 12-digit citizen identity number' })
  nationalId!: string;

  @ApiProperty({ example: 'Nguyễn Thị Hương Giang' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ example: '2002-04-12' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'a calendar date YYYY-MM-DD' })
  birthDate!: string;

  @ApiProperty({ type: EducationDto })
  @ValidateNested()
  @Type(() => EducationDto)
  education!: EducationDto;

  @ApiPropertyOptional({ enum: Object.keys(PRIOR_POSITIONS), example: 'none-graduate-source' })
  @IsOptional()
  @IsIn(Object.keys(PRIOR_POSITIONS))
  priorPosition?: keyof typeof PRIOR_POSITIONS;
}
