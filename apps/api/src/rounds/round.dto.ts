import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { COMMUNE_CODE, ID_PATTERN, ID_RULE, PROVINCE_CODE } from '../http/dto-rules';

export class RoundParams {
  @ApiProperty({ example: 'bac-giang-2026-1' })
  @Matches(ID_PATTERN, { message: ID_RULE })
  roundId!: string;
}

export class NeedParams extends RoundParams {
  @ApiProperty({ example: 'ngoc-van-tai-chinh' })
  @Matches(ID_PATTERN, { message: ID_RULE })
  needId!: string;
}

export class OpenRoundDto {
  @ApiProperty({ example: 'bac-giang-2026-1' })
  @Matches(ID_PATTERN, { message: ID_RULE })
  roundId!: string;

  @ApiProperty({ example: 'Đợt tuyển chọn nguồn cán bộ xã năm 2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '24', description: 'Province code from the GSO catalogue' })
  @Matches(PROVINCE_CODE, { message: 'a two-digit province code' })
  provinceCode!: string;

  @ApiPropertyOptional({ example: 'bac-giang-graduate', description: 'Defaults to the Bắc Giang graduate track' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_RULE })
  definitionId?: string;

  @ApiPropertyOptional({ example: 1, description: 'Defaults to the latest published version' })
  @IsOptional()
  @IsInt()
  @Min(1)
  definitionVersion?: number;

  @ApiProperty({ example: '2026-03-01T01:00:00.000Z' })
  @IsISO8601({ strict: true })
  registrationOpensAt!: string;

  @ApiProperty({ example: '2026-03-31T10:00:00.000Z' })
  @IsISO8601({ strict: true })
  registrationClosesAt!: string;
}

export class RegisterNeedDto {
  @ApiProperty({ example: 'ngoc-van-tai-chinh' })
  @Matches(ID_PATTERN, { message: ID_RULE })
  needId!: string;

  @ApiProperty({ example: '07351', description: 'Commune code (Xã Ngọc Vân, Tân Yên)' })
  @Matches(COMMUNE_CODE, { message: 'a five-digit commune code' })
  communeCode!: string;

  @ApiProperty({ example: 'finance-accounting', description: 'A title code from GET /reference/titles' })
  @Matches(ID_PATTERN, { message: ID_RULE })
  title!: string;

  @ApiProperty({ example: 2, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  quantity!: number;

  @ApiProperty({ example: ['Kế toán', 'Tài chính – Ngân hàng'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  acceptedMajors!: string[];
}

export class AmendNeedDto {
  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  quantity?: number;

  @ApiPropertyOptional({ example: ['Kế toán'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  acceptedMajors?: string[];
}

export class ReasonDto {
  @ApiProperty({ example: 'Xã đã tuyển đủ' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class ExtendWindowDto {
  @ApiProperty({ example: '2026-04-15T10:00:00.000Z' })
  @IsISO8601({ strict: true })
  closesAt!: string;
}

export class ScoresDto {
  @ApiProperty({ example: 82 }) @IsNumber() @Min(0) @Max(100) test!: number;
  @ApiProperty({ example: 75 }) @IsNumber() @Min(0) @Max(100) academic!: number;
  @ApiProperty({ example: 88 }) @IsNumber() @Min(0) @Max(100) interview!: number;
}

export class RankedCandidateDto {
  @ApiProperty({ example: 'nguyen-thi-huong-giang-001' })
  @Matches(ID_PATTERN, { message: ID_RULE })
  candidateId!: string;

  @ApiProperty({ type: ScoresDto })
  @ValidateNested()
  @Type(() => ScoresDto)
  scores!: ScoresDto;

  @ApiProperty({ example: '2026-04-02T03:00:00.000Z' })
  @IsISO8601({ strict: true })
  appliedAt!: string;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  withdrew?: boolean;
}

export class PublishResultsDto {
  @ApiProperty({ type: [RankedCandidateDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => RankedCandidateDto)
  candidates!: RankedCandidateDto[];
}
