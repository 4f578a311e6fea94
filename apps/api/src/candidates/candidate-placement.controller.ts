import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { seatHeld, type Actor } from '@app/pipeline';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import type { CommandContext } from '../commands/stream-commands';
import { CommandCtx } from '../http/command-context';
import { problem, ProblemException } from '../http/problem';
import { AdminUnits } from '../reference/admin-units';
import { CandidateParams } from './candidate-application.dto';
import { CandidateRunner } from './candidate-runner';
import { OpenSeats } from './open-seats';
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
    private readonly adminUnits: AdminUnits,
    private readonly openSeats: OpenSeats,
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

  /** Open slots: see OpenSeats. */
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
    const { roundId } = state.application;
    const communeRef = { code: commune.code, name: commune.name, districtCode: commune.districtCode };
    const seat = { roundId, communeCode: commune.code, title: body.title, exceptCandidateId: candidateId };
    return this.openSeats.taking(seat, (openSlots) =>
      this.runner.run(
        reply,
        candidateId,
        { type: 'OfferPlacement', actor, commune: communeRef, title: body.title, placementKind: body.placementKind, openSlots },
        context,
      ),
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
  async reverseExit(
    @Param() { candidateId }: CandidateParams,
    @Body() body: ReverseExitDto,
    @CommandCtx() context: Ctx,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    // The exit freed any seat the candidate held: count whether it is still open for them to take back.
    const { state } = await this.runner.existing(candidateId);
    const seat = state.status === 'exited' ? seatHeld(state.before) : undefined;
    const reverse = (openSlots?: number) =>
      this.runner.run(reply, candidateId, { type: 'ReverseExit', actor, reason: body.reason, openSlots }, context);
    if (!seat) return reverse();
    const { roundId } = state.application;
    return this.openSeats.taking({ roundId, communeCode: seat.commune.code, title: seat.title, exceptCandidateId: candidateId }, reverse);
  }
}
