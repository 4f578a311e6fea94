import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiProperty, ApiTags, OmitType } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AllowRoles } from '../auth/auth.decorators';
import { IsInstant } from '../http/dto-rules';
import { GetBoardAsOf } from './board-as-of.query';
import { BOARD_COLUMNS } from './pipeline-board.query';
import { PipelineBoardQueryDto } from './report-query.dto';
import { reportResponse, type ReportResult } from './report-response';

export class BoardAsOfQueryDto extends OmitType(PipelineBoardQueryDto, ['minPosition'] as const) {
  @ApiProperty({
    example: '2026-03-01T00:00:00+07:00',
    description: 'The moment to show the board at: an ISO 8601 date-time with its zone',
  })
  @IsInstant()
  asOf!: string;
}

/** Auditors and the province board: the board as it stood at any past moment, rebuilt from the log for the request. */
@ApiTags('audit')
@ApiBearerAuth()
@ApiProduces('application/json', 'text/csv')
@AllowRoles('auditor', 'province-board')
@Controller('audit/board')
export class BoardAsOfController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({
    description: 'The pipeline board replayed up to `asOf` (events recorded by then), with days in step counted at that moment',
  })
  async boardAsOf(@Query() query: BoardAsOfQueryDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { asOf, roundId, district, commune, step, status, view = 'candidates', format } = query;
    const result = await this.queries.execute<GetBoardAsOf, ReportResult<never>>(
      new GetBoardAsOf(new Date(asOf), { roundId, district, commune, step, status }, view),
    );
    return reportResponse(request, reply, 'pipeline-board-as-of', format, result, BOARD_COLUMNS[view]);
  }
}
