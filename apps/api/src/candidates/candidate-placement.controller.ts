import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor, RoundState } from '@app/pipeline';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import type { CommandContext } from '../commands/stream-commands';
import { CommandCtx } from '../http/command-context';
import { problem, ProblemException } from '../http/problem';
import { needsCoverageProjection, placesTaken } from '@app/read-models';
import { ReadYourWrites } from '../http/read-your-writes';
import { AdminUnits } from '../reference/admin-units';
import { GetRound } from '../rounds/get-round.query';
import { CandidateParams } from './candidate-application.dto';
import { CandidateRunner } from './candidate-runner';
import {
  ContractDto,
  EvaluationDto,
  ExitDto,
  NoteDto,
  OfferDto,
  RecruitmentDecisionDto,
  ReverseExitDto,
  StartPracticumDto,
  SuccessionPlanningDto,
  TrialDto,
  TrialEvaluationDto,
} from './candidate-steps.dto';

type Ctx = CommandContext;
type Reply = FastifyReply;

/** District practicum, commune assignment, exits: the steps after training. */
@ApiTags('candidates')
@ApiBearerAuth()
@Controller('candidates/:candidateId')
export class CandidatePlacementController {
  constructor(
    private readonly runner: CandidateRunner,
    private readonly queries: QueryBus,
    private readonly adminUnits: AdminUnits,
    private readonly readModels: ReadYourWrites,
  ) {}

  @Post('practicum')
  @AllowRoles('province-board')
  startPracticum(
    @Param() { candidateId }: CandidateParams,
    @Body() body: StartPracticumDto,
    @CommandCtx() context: Ctx,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.runner.run(reply, candidateId, { type: 'StartPracticum', actor, ...body }, context);
  }

  @Post('practicum/evaluation')
  @AllowRoles('district-board', 'province-board')
  evaluatePracticum(
    @Param() { candidateId }: CandidateParams,
    @Body() body: EvaluationDto,
    @CommandCtx() context: Ctx,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.runner.run(reply, candidateId, { type: 'EvaluatePracticum', actor, ...body }, context);
  }

  /**
   * Open slots are the approved seats for that commune and title in the
   * candidate's round, less those other candidates hold (an offer awaiting its
   * answer, or accepted), read from needs-coverage once it has caught up with
   * the log. Two offers sent at the same instant can still both pass: the
   * check is as fresh as the read model, not a lock.
   */
  @Post('placement-offer')
  @AllowRoles('province-board')
  async offer(
    @Param() { candidateId }: CandidateParams,
    @Body() body: OfferDto,
    @CommandCtx() context: Ctx,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const commune = this.adminUnits.commune(body.communeCode);
    if (!commune)
      throw new ProblemException(
        problem(400, 'UNKNOWN_COMMUNE', `no commune ${body.communeCode} in the catalogue`, {
          errors: [{ field: 'communeCode', rule: 'must be a commune code of the catalogue' }],
        }),
      );
    const { state } = await this.runner.existing(candidateId);
    const { state: round } = await this.queries.execute<GetRound, { state: RoundState }>(new GetRound(state.application.roundId));
    const needs = round.status === 'not-opened' ? [] : round.needs;
    const approved = needs
      .filter((need) => need.status === 'approved' && need.commune.code === commune.code && need.title === body.title)
      .reduce((sum, need) => sum + need.quantity, 0);
    const taken = placesTaken(this.readModels.db, await this.readModels.atHead(needsCoverageProjection), {
      roundId: state.application.roundId,
      communeCode: commune.code,
      title: body.title,
      exceptCandidateId: candidateId,
    });
    const openSlots = Math.max(approved - taken, 0);
    const communeRef = { code: commune.code, name: commune.name, districtCode: commune.districtCode };
    return this.runner.run(
      reply,
      candidateId,
      { type: 'OfferPlacement', actor, commune: communeRef, title: body.title, placementKind: body.placementKind, openSlots },
      context,
    );
  }

  @Post('placement-offer/acceptance')
  @AllowRoles('district-board', 'province-board')
  accept(
    @Param() { candidateId }: CandidateParams,
    @CommandCtx() context: Ctx,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.runner.run(reply, candidateId, { type: 'AcceptPlacement', actor }, context);
  }

  @Post('placement-offer/refusal')
  @AllowRoles('district-board', 'province-board')
  decline(
    @Param() { candidateId }: CandidateParams,
    @Body() body: NoteDto,
    @CommandCtx() context: Ctx,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.runner.run(reply, candidateId, { type: 'DeclinePlacement', actor, note: body.note }, context);
  }

  @Post('labour-contract')
  @AllowRoles('district-board', 'province-board')
  contract(
    @Param() { candidateId }: CandidateParams,
    @Body() body: ContractDto,
    @CommandCtx() context: Ctx,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.runner.run(reply, candidateId, { type: 'StartLabourContract', actor, ...body }, context);
  }

  @Post('recruitment-decision')
  @AllowRoles('home-affairs')
  recruit(
    @Param() { candidateId }: CandidateParams,
    @Body() body: RecruitmentDecisionDto,
    @CommandCtx() context: Ctx,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.runner.run(
      reply,
      candidateId,
      { type: 'RecordRecruitmentDecision', actor, title: body.title, decision: { ...body.decision } },
      context,
    );
  }

  @Post('trial')
  @AllowRoles('district-board', 'province-board')
  trial(
    @Param() { candidateId }: CandidateParams,
    @Body() body: TrialDto,
    @CommandCtx() context: Ctx,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.runner.run(reply, candidateId, { type: 'StartTrial', actor, ...body }, context);
  }

  @Post('trial/evaluation')
  @AllowRoles('district-board', 'province-board')
  evaluateTrial(
    @Param() { candidateId }: CandidateParams,
    @Body() body: TrialEvaluationDto,
    @CommandCtx() context: Ctx,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.runner.run(reply, candidateId, { type: 'EvaluateTrial', actor, ...body }, context);
  }

  @Post('succession-planning')
  @AllowRoles('province-board')
  plan(
    @Param() { candidateId }: CandidateParams,
    @Body() body: SuccessionPlanningDto,
    @CommandCtx() context: Ctx,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.runner.run(reply, candidateId, { type: 'AddToSuccessionPlanning', actor, posts: body.posts }, context);
  }

  @Post('exit')
  @AllowRoles('province-board', 'district-board', 'political-school')
  exit(
    @Param() { candidateId }: CandidateParams,
    @Body() body: ExitDto,
    @CommandCtx() context: Ctx,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.runner.run(reply, candidateId, { type: 'ExitCandidate', actor, ...body }, context);
  }

  @Post('exit-reversal')
  @AllowRoles('province-board')
  reverseExit(
    @Param() { candidateId }: CandidateParams,
    @Body() body: ReverseExitDto,
    @CommandCtx() context: Ctx,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.runner.run(reply, candidateId, { type: 'ReverseExit', actor, reason: body.reason }, context);
  }
}
