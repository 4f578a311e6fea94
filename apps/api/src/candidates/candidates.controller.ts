import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor, TrainingClassState } from '@app/pipeline';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import type { CommandContext } from '../commands/stream-commands';
import { CommandCtx } from '../http/command-context';
import { problem, ProblemException } from '../http/problem';
import { DefinitionsService } from '../reference/definitions.service';
import { roundWithDefinition } from '../reference/round-definition';
import { ScoresDto } from '../rounds/round.dto';
import { GetClass } from '../training-classes/get-class.query';
import { ApplyDto, CandidateParams } from './candidate-application.dto';
import { candidateIdFor } from './candidate-id';
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
    private readonly definitions: DefinitionsService,
  ) {}

  @Post()
  @AllowRoles('province-board', 'district-board')
  async apply(
    @Body() body: ApplyDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { round, definition } = await roundWithDefinition(this.queries, this.definitions, body.roundId);
    const need = round.needs.find((candidate) => candidate.needId === body.needId);
    if (!need) throw new ProblemException(problem(404, 'NEED_NOT_FOUND', `round ${body.roundId} has no need ${body.needId}`));
    const candidateId = candidateIdFor(body.roundId, body.nationalId);
    const { roundId, nationalId: _nationalId, needId: _needId, ...person } = body;
    const snapshot = {
      needId: need.needId,
      roundId,
      commune: need.commune,
      title: need.title,
      acceptedMajors: [...need.acceptedMajors],
      approved: need.status === 'approved',
      definition: round.definition,
    };
    const outcome = await this.runner.run(
      reply,
      candidateId,
      { type: 'ApplyForNeed', actor, candidateId, need: snapshot, ...person },
      context,
      { roundDefinition: definition },
      201,
    );
    return { candidateId, ...outcome };
  }

  /** A district board sees its own district's candidates only; others see all. */
  @Get()
  list(@Query() query: ListCandidatesQueryDto, @CurrentActor() actor: Actor) {
    if (actor.role === 'district-board') {
      if (query.district && query.district !== actor.district)
        throw new ProblemException(
          problem(403, 'NOT_YOUR_DISTRICT', `district board ${actor.district} may not list district ${query.district}`),
        );
      query.district = actor.district;
    }
    return this.queries.execute<ListCandidates, CandidatePage>(new ListCandidates(query));
  }

  @Get(':candidateId')
  async get(@Param() { candidateId }: CandidateParams, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const { state, revision, deadlines } = await this.runner.existing(candidateId);
    if (actor.role === 'district-board' && state.application.commune.districtCode !== actor.district) {
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
