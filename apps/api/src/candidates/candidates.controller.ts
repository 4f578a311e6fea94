import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { isOutsideDistrictBoard, type Actor, type TrainingClassState } from '@app/pipeline';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import type { CommandContext } from '../commands/stream-commands';
import { CommandCtx } from '../http/command-context';
import { scopedToOwnDistrict } from '../http/district-scope';
import { problem, ProblemException } from '../http/problem';
import { ScoresDto } from '../rounds/round.dto';
import { GetClass } from '../training-classes/get-class.query';
import { ApplyDto, CandidateParams } from './candidate-application.dto';
import { CandidateApplications } from './candidate-applications';
import { respond } from '../http/respond';
import { CandidateRunner } from './candidate-runner';
import { ClassRefDto, SelectionOutcomeDto } from './candidate-steps.dto';
import { ListCandidates, ListCandidatesQueryDto, type CandidatePage } from './list-candidates.query';

/** Applying, reading a candidate, selection and training. */
@ApiTags('candidates')
@ApiBearerAuth()
@Controller('candidates')
export class CandidatesController {
  constructor(
    private readonly runner: CandidateRunner,
    private readonly queries: QueryBus,
    private readonly applications: CandidateApplications,
  ) {}

  @Post()
  @AllowRoles('province-board', 'district-board')
  async apply(
    @Body() body: ApplyDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.applications.apply(body, actor, context);
    return { ...respond(reply, outcome, 201), candidateId: outcome.candidateId };
  }

  /** A district board sees its own district's candidates only; others see all. */
  @Get()
  list(@Query() query: ListCandidatesQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute<ListCandidates, CandidatePage>(new ListCandidates(scopedToOwnDistrict(actor, query)));
  }

  @Get(':candidateId')
  async get(@Param() { candidateId }: CandidateParams, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const { state, revision, deadlines } = await this.runner.existing(candidateId);
    if (isOutsideDistrictBoard(actor, state)) {
      throw new ProblemException(problem(403, 'NOT_YOUR_DISTRICT', `candidate ${candidateId} belongs to another district`));
    }
    void reply.header('etag', `"${revision}"`);
    return { candidateId, revision, definition: state.application.definition, ...state, deadlines };
  }

  @Post(':candidateId/scores')
  @AllowRoles('province-board')
  scores(
    @Param() { candidateId }: CandidateParams,
    @Body() scores: ScoresDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(reply, candidateId, { type: 'RecordScores', actor, scores: { ...scores } }, context);
  }

  @Post(':candidateId/selection-outcome')
  @AllowRoles('province-board')
  selectionOutcome(
    @Param() { candidateId }: CandidateParams,
    @Body() body: SelectionOutcomeDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.runner.run(reply, candidateId, { type: 'RecordSelectionOutcome', actor, ...body }, context);
  }

  /** The class is the school's record: the candidate takes its dates from it, and must be enrolled there. */
  @Post(':candidateId/training-enrolment')
  @AllowRoles('political-school')
  async enrol(
    @Param() { candidateId }: CandidateParams,
    @Body() { classId }: ClassRefDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const trainingClass = await this.enrolledClass(classId, candidateId);
    return this.runner.run(
      reply,
      candidateId,
      { type: 'EnrolInTraining', actor, classId, startsOn: trainingClass.startsOn, plannedEnd: trainingClass.plannedEnd },
      context,
    );
  }

  /** The result is the one the school recorded on the class; the candidate's journey follows it. */
  @Post(':candidateId/training-result')
  @AllowRoles('political-school')
  async trainingResult(
    @Param() { candidateId }: CandidateParams,
    @Body() { classId }: ClassRefDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const trainingClass = await this.enrolledClass(classId, candidateId);
    const result = trainingClass.enrolments.find((enrolment) => enrolment.candidateId === candidateId)!.result;
    if (!result) throw new ProblemException(problem(409, 'RESULT_NOT_RECORDED', `class ${classId} has no result for ${candidateId} yet`));
    const command =
      result.outcome === 'passed'
        ? {
            type: 'RecordTrainingResult' as const,
            actor,
            classId,
            result: 'passed' as const,
            diploma: { number: result.diploma.number, date: result.diploma.issuedOn, issuer: trainingClass.name },
            certificates: result.certificates.map((c) => ({ ...c })),
          }
        : { type: 'RecordTrainingResult' as const, actor, classId, result: result.outcome, note: result.reason };
    return this.runner.run(reply, candidateId, command, context);
  }

  private async enrolledClass(classId: string, candidateId: string) {
    const { state } = await this.queries.execute<GetClass, { state: TrainingClassState }>(new GetClass(classId));
    if (state.status === 'not-opened') throw new ProblemException(problem(404, 'CLASS_NOT_FOUND', `no training class ${classId}`));
    if (!state.enrolments.some((enrolment) => enrolment.candidateId === candidateId)) {
      throw new ProblemException(problem(409, 'NOT_ENROLLED_IN_CLASS', `${candidateId} is not enrolled in class ${classId}`));
    }
    return state;
  }
}
