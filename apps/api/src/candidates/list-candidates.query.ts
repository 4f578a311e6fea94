import { ApiPropertyOptional } from '@nestjs/swagger';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { COMMUNE_CODE, DISTRICT_CODE, ID_PATTERN, ID_RULE } from '../http/dto-rules';
import { CandidateDirectory, type CandidateSummary } from './candidate-directory';

export class ListCandidatesQueryDto {
  @ApiPropertyOptional({ example: 'bac-giang-2026-1' }) @IsOptional() @Matches(ID_PATTERN, { message: ID_RULE }) roundId?: string;
  @ApiPropertyOptional({ example: '216' })
  @IsOptional()
  @Matches(DISTRICT_CODE, { message: 'a three-digit district code' })
  district?: string;
  @ApiPropertyOptional({ example: '07351' })
  @IsOptional()
  @Matches(COMMUNE_CODE, { message: 'a five-digit commune code' })
  commune?: string;
  @ApiPropertyOptional({ example: 'training' }) @IsOptional() @Matches(ID_PATTERN, { message: ID_RULE }) step?: string;
  @ApiPropertyOptional({ enum: ['active', 'exited', 'completed'] }) @IsOptional() @IsIn(['active', 'exited', 'completed']) status?:
    'active' | 'exited' | 'completed';
  @ApiPropertyOptional({ example: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ example: 50, default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
  @ApiPropertyOptional({
    example: '42',
    description: 'Wait (up to 2 s) until the list includes this global position, as returned by a command',
  })
  @IsOptional()
  @Matches(/^\d{1,20}(\/\d{1,20})?$/, { message: 'a position as returned by a command' })
  minPosition?: string;
}

export class ListCandidates {
  constructor(readonly filter: ListCandidatesQueryDto) {}
}

export interface CandidatePage {
  items: CandidateSummary[];
  page: number;
  pageSize: number;
  total: number;
  caughtUp: boolean;
}

@QueryHandler(ListCandidates)
export class ListCandidatesHandler implements IQueryHandler<ListCandidates, CandidatePage> {
  constructor(private readonly directory: CandidateDirectory) {}

  async execute({ filter }: ListCandidates): Promise<CandidatePage> {
    const caughtUp = filter.minPosition ? await this.directory.caughtUpTo(filter.minPosition) : true;
    const all = this.directory.list({
      roundId: filter.roundId,
      districtCode: filter.district,
      communeCode: filter.commune,
      step: filter.step,
      status: filter.status,
    });
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 50;
    return { items: all.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: all.length, caughtUp };
  }
}
