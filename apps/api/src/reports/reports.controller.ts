import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@app/pipeline';
import { CurrentActor } from '../auth/auth.decorators';
import { scopedToOwnDistrict } from '../http/district-scope';
import { GetCohortOutcomes, COHORT_COLUMNS } from './cohort-outcomes.query';
import { COVERAGE_COLUMNS, GetNeedsCoverage } from './needs-coverage.query';
import { BOARD_COLUMNS, GetPipelineBoard } from './pipeline-board.query';
import { GetProgrammeTarget, TARGET_COLUMNS } from './programme-target.query';
import {
  CohortOutcomesQueryDto,
  NeedsCoverageQueryDto,
  PipelineBoardQueryDto,
  ProgrammeTargetQueryDto,
  StepFunnelQueryDto,
} from './report-query.dto';
import { reportResponse, type ReportResult } from './report-response';
import { FUNNEL_COLUMNS, GetStepFunnel } from './step-funnel.query';

/**
 * The reports, read from the checkpointed read models, as JSON or CSV. Every
 * role may read them; a district board only its own district (403 for another).
 */
@ApiTags('reports')
@ApiBearerAuth()
@ApiProduces('application/json', 'text/csv')
@Controller('reports')
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('pipeline-board')
  @ApiOkResponse({
    description: 'Candidates per round × district × commune × step with names and days in the step, or counts (view=counts)',
  })
  async pipelineBoard(
    @Query() query: PipelineBoardQueryDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { roundId, district, commune, step, status, view = 'candidates', format, minPosition } = scopedToOwnDistrict(actor, query);
    const result = await this.queries.execute<GetPipelineBoard, ReportResult<never>>(
      new GetPipelineBoard({ roundId, district, commune, step, status }, view, minPosition),
    );
    return reportResponse(request, reply, 'pipeline-board', format, result, BOARD_COLUMNS[view]);
  }

  @Get('needs-coverage')
  @ApiOkResponse({ description: 'Per commune × title: registered, approved, applicants, selected, in training, placed, still open' })
  async needsCoverage(
    @Query() query: NeedsCoverageQueryDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { roundId, district, commune, title, format, minPosition } = scopedToOwnDistrict(actor, query);
    const result = await this.queries.execute(new GetNeedsCoverage({ roundId, district, commune, title }, minPosition));
    return reportResponse(request, reply, 'needs-coverage', format, result, COVERAGE_COLUMNS);
  }

  @Get('cohort-outcomes')
  @ApiOkResponse({ description: 'Per class and/or district: trainees by position before, outcome after, placement rate' })
  async cohortOutcomes(
    @Query() query: CohortOutcomesQueryDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { roundId, classId, district, by, format, minPosition } = scopedToOwnDistrict(actor, query);
    const result = await this.queries.execute(new GetCohortOutcomes({ roundId, classId, district, by }, minPosition));
    return reportResponse(request, reply, 'cohort-outcomes', format, result, COHORT_COLUMNS);
  }

  @Get('step-funnel')
  @ApiOkResponse({ description: 'Per round and step: entered, moved on, exited, in step, conversion, median and p90 days' })
  async stepFunnel(
    @Query() query: StepFunnelQueryDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { roundId, district, format, minPosition } = scopedToOwnDistrict(actor, query);
    const result = await this.queries.execute(new GetStepFunnel({ roundId, district }, minPosition));
    return reportResponse(request, reply, 'step-funnel', format, result, FUNNEL_COLUMNS);
  }

  @Get('programme-target')
  @ApiOkResponse({ description: 'Sources produced per programme against the target of its pipeline definition' })
  async programmeTarget(
    @Query() query: ProgrammeTargetQueryDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { programme, district, format, minPosition } = scopedToOwnDistrict(actor, query);
    const result = await this.queries.execute(new GetProgrammeTarget({ programme, district }, minPosition));
    return reportResponse(request, reply, 'programme-target', format, result, TARGET_COLUMNS);
  }
}
