import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
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
import { EXIT_REASONS, PLACEMENT_KINDS, SUCCESSION_POSTS } from '@app/pipeline';
import { COMMUNE_CODE, DISTRICT_CODE, ID_PATTERN, ID_RULE } from '../http/dto-rules';

export class SelectionOutcomeDto {
  @ApiProperty({ enum: ['selected', 'not-selected', 'withdrew'] }) @IsIn(['selected', 'not-selected', 'withdrew']) outcome!:
    'selected' | 'not-selected' | 'withdrew';
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) rank!: number;
  @ApiProperty({ example: 81.7 }) @IsNumber() @Min(0) @Max(100) total!: number;
}

export class ClassRefDto {
  @ApiProperty({ example: 'lop-nguon-2026-k1' }) @Matches(ID_PATTERN, { message: ID_RULE }) classId!: string;
}

export class StartPracticumDto {
  @ApiProperty({ example: '216' }) @Matches(DISTRICT_CODE, { message: 'a three-digit district code' }) district!: string;
  @ApiProperty({ example: 'Phòng Tài chính – Kế hoạch huyện Tân Yên' }) @IsString() @IsNotEmpty() @MaxLength(200) department!: string;
  @ApiProperty({ example: '2026-12-07T01:00:00.000Z' }) @IsISO8601({ strict: true }) startsOn!: string;
  @ApiPropertyOptional({ description: 'Only for definitions whose practicum length is a range; computed otherwise' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endsOn?: string;
}

export class EvaluationDto {
  @ApiProperty({ example: true }) @IsBoolean() satisfactory!: boolean;
  @ApiProperty({ example: 'Hoàn thành tốt nhiệm vụ' }) @IsString() @MaxLength(2000) comments!: string;
}

export class OfferDto {
  @ApiProperty({ example: '07351' }) @Matches(COMMUNE_CODE, { message: 'a five-digit commune code' }) communeCode!: string;
  @ApiProperty({ example: 'finance-accounting' }) @Matches(ID_PATTERN, { message: ID_RULE }) title!: string;
  @ApiProperty({ enum: Object.keys(PLACEMENT_KINDS) }) @IsIn(Object.keys(PLACEMENT_KINDS)) placementKind!: keyof typeof PLACEMENT_KINDS;
}

export class NoteDto {
  @ApiProperty({ example: 'Cá nhân không đồng ý vì lý do gia đình' }) @IsString() @MaxLength(2000) note!: string;
}

export class ContractDto {
  @ApiProperty({ example: 'HĐLĐ 15/2027' }) @IsString() @IsNotEmpty() @MaxLength(100) contractNumber!: string;
  @ApiProperty({ example: '2027-04-01T01:00:00.000Z' }) @IsISO8601({ strict: true }) startsOn!: string;
}

class DecisionDocumentDto {
  @ApiProperty({ example: '120/QĐ-SNV' }) @IsString() @IsNotEmpty() @MaxLength(100) number!: string;
  @ApiProperty({ example: '2027-04-15' }) @IsISO8601({ strict: true }) date!: string;
  @ApiProperty({ example: 'Sở Nội vụ tỉnh Bắc Giang' }) @IsString() @IsNotEmpty() @MaxLength(200) issuer!: string;
}

export class RecruitmentDecisionDto {
  @ApiProperty({ example: 'finance-accounting' }) @Matches(ID_PATTERN, { message: ID_RULE }) title!: string;
  @ApiProperty({ type: DecisionDocumentDto }) @ValidateNested() @Type(() => DecisionDocumentDto) decision!: DecisionDocumentDto;
}

export class TrialDto {
  @ApiProperty({ example: ['Phụ trách kế toán ngân sách xã'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(500, { each: true })
  tasks!: string[];

  @ApiProperty({ example: '2027-05-01T01:00:00.000Z' }) @IsISO8601({ strict: true }) startsOn!: string;
}

export class TrialEvaluationDto {
  @ApiProperty({ example: true }) @IsBoolean() passed!: boolean;
  @ApiProperty({ example: 'Đạt yêu cầu' }) @IsString() @MaxLength(2000) comments!: string;
}

export class SuccessionPlanningDto {
  @ApiProperty({ enum: Object.keys(SUCCESSION_POSTS), isArray: true, example: ['commune-chairman'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(Object.keys(SUCCESSION_POSTS), { each: true })
  posts!: (keyof typeof SUCCESSION_POSTS)[];
}

export class ExitDto {
  @ApiProperty({ enum: Object.keys(EXIT_REASONS) }) @IsIn(Object.keys(EXIT_REASONS)) reason!: keyof typeof EXIT_REASONS;
  @ApiProperty({ example: 'Chuyển công tác sang tỉnh khác' }) @IsString() @MaxLength(2000) note!: string;
}

export class ReverseExitDto {
  @ApiProperty({ example: 'Đã khỏi bệnh, trở lại chương trình' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}
