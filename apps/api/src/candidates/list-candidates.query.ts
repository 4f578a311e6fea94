import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Clock } from '@app/common';
import { boardCandidates, pipelineBoardProjection, type BoardCandidate } from '@app/read-models';
import { ReadYourWrites } from '../http/read-your-writes';
import { PipelineBoardQueryDto } from '../reports/report-query.dto';

/** The board's filters (round, district, commune, step, status, minPosition), a page at a time. */
export class ListCandidatesQueryDto extends OmitType(PipelineBoardQueryDto, ['format', 'view'] as const) {
  @ApiPropertyOptional({ example: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ example: 50, default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
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
