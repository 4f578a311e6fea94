import { ApiPropertyOptional } from '@nestjs/swagger';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Clock } from '@app/common';
import { boardCandidates, pipelineBoardProjection, type BoardCandidate } from '@app/read-models';
import { COMMUNE_CODE, DISTRICT_CODE, ID_PATTERN, ID_RULE, POSITION_PATTERN, POSITION_RULE } from '../http/dto-rules';
import { ReadYourWrites } from '../http/read-your-writes';

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
    description: 'Wait (up to 2 s) until the list includes this global position, as returned by a command; 503 READ_MODEL_BEHIND otherwise',
  })
  @IsOptional()
  @Matches(POSITION_PATTERN, { message: POSITION_RULE })
  minPosition?: string;
}

export class ListCandidates {
  constructor(readonly filter: ListCandidatesQueryDto) {}
}

export interface CandidatePage {
  items: BoardCandidate[];
  page: number;
  pageSize: number;
  total: number;
  /** The read model's checkpoint: the newest event this page reflects. */
  position?: string;
}

/** A page of the pipeline board read model, in Vietnamese alphabetical order; waits for `minPosition` (503 when it is not reached in time). */
@QueryHandler(ListCandidates)
export class ListCandidatesHandler implements IQueryHandler<ListCandidates, CandidatePage> {
  constructor(
    private readonly readModels: ReadYourWrites,
    private readonly clock: Clock,
  ) {}

  async execute({ filter }: ListCandidates): Promise<CandidatePage> {
    const { tables, position } = await this.readModels.tables(pipelineBoardProjection, filter.minPosition);
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 50;
    const { items, total } = boardCandidates(
      this.readModels.db,
      tables,
      { roundId: filter.roundId, district: filter.district, commune: filter.commune, step: filter.step, status: filter.status },
      this.clock.now(),
      { offset: (page - 1) * pageSize, limit: pageSize },
    );
    return { items, page, pageSize, total, position };
  }
}
