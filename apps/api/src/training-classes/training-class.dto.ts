import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsISO8601, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { ID_PATTERN, ID_RULE } from '../http/dto-rules';

export class ClassParams {
  @ApiProperty({ example: 'lop-nguon-2026-k1' })
  @Matches(ID_PATTERN, { message: ID_RULE })
  classId!: string;
}

export class OpenClassDto extends ClassParams {
  @ApiProperty({ example: 'Lớp tạo nguồn khóa I năm 2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'bac-giang-2026-1', description: 'The round whose definition sets the allowed length and parts' })
  @Matches(ID_PATTERN, { message: ID_RULE })
  roundId!: string;

  @ApiProperty({ example: '2026-05-04T01:00:00.000Z' })
  @IsISO8601({ strict: true })
  startsOn!: string;

  @ApiProperty({ example: '2026-12-04T10:00:00.000Z', description: '6 to 8 calendar months after the start on the Bắc Giang track' })
  @IsISO8601({ strict: true })
  plannedEnd!: string;
}

export class EnrolmentDto {
  @ApiProperty({ example: 'bac-giang-2026-1-3f9a1c2e4b5d6a7f' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,127}$/, { message: 'a candidate id as returned on application' })
  candidateId!: string;
}

export class ExtendClassDto {
  @ApiProperty({ example: '2027-01-04T10:00:00.000Z' })
  @IsISO8601({ strict: true })
  plannedEnd!: string;
}

class DiplomaDto {
  @ApiProperty({ example: 'TCLLCT-2026/0412' }) @IsString() @IsNotEmpty() @MaxLength(100) number!: string;
  @ApiProperty({ example: '2026-12-04' }) @IsISO8601({ strict: true }) issuedOn!: string;
}

class CertificateDto {
  @ApiProperty({ example: 'political-theory' }) @Matches(ID_PATTERN, { message: ID_RULE }) partId!: string;
  @ApiProperty({ example: 'CC-2026/118' }) @IsString() @IsNotEmpty() @MaxLength(100) number!: string;
}

export class TrainingResultDto extends EnrolmentDto {
  @ApiProperty({ enum: ['passed', 'failed', 'dropped-out'] })
  @IsIn(['passed', 'failed', 'dropped-out'])
  outcome!: 'passed' | 'failed' | 'dropped-out';

  @ApiPropertyOptional({ type: DiplomaDto, description: 'Required when passed' })
  @ValidateIf((dto: TrainingResultDto) => dto.outcome === 'passed')
  @ValidateNested()
  @Type(() => DiplomaDto)
  diploma?: DiplomaDto;

  @ApiPropertyOptional({ type: [CertificateDto], description: 'One per part of the training step, when passed' })
  @ValidateIf((dto: TrainingResultDto) => dto.outcome === 'passed')
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CertificateDto)
  certificates?: CertificateDto[];

  @ApiPropertyOptional({ example: 'Nghỉ ốm dài ngày', description: 'Required when failed or dropped out' })
  @ValidateIf((dto: TrainingResultDto) => dto.outcome !== 'passed')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;
}
