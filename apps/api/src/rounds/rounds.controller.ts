import { Body, Controller, Get, Param, Patch, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DEFAULT_TITLES, type Actor, type RoundCommand, type RoundState } from '@app/pipeline';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import type { CommandContext, CommandOutcome } from '../commands/stream-commands';
import { CommandCtx } from '../http/command-context';
import { problem, ProblemException } from '../http/problem';
import { respond } from '../http/respond';
import { AdminUnits } from '../reference/admin-units';
import { DefinitionsService } from '../reference/definitions.service';
import { RunRoundCommand } from './round-command.handler';
import {
  AmendNeedDto,
  ExtendWindowDto,
  NeedParams,
  OpenRoundDto,
  PublishResultsDto,
  ReasonDto,
  RegisterNeedDto,
  RoundParams,
} from './round.dto';
import { GetRound } from './get-round.query';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class RoundsController {
  constructor(
    private readonly bus: CommandBus,
    private readonly definitions: DefinitionsService,
    private readonly adminUnits: AdminUnits,
    private readonly queryBus: QueryBus,
  ) {}

  private run(reply: FastifyReply, command: RoundCommand, context: CommandContext, created = 200): Promise<CommandOutcome> {
    return this.bus
      .execute<RunRoundCommand, CommandOutcome>(new RunRoundCommand(command, context))
      .then((outcome) => respond(reply, outcome, created));
  }

  @Post()
  @AllowRoles('province-board')
  open(
    @Body() body: OpenRoundDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const definition = this.definitions.get(body.definitionId ?? 'bac-giang-graduate', body.definitionVersion);
    if (!definition.selection)
      throw new ProblemException(problem(409, 'DEFINITION_HAS_NO_SELECTION', `${definition.id} does not select candidates by round`));
    const { definitionId: _id, definitionVersion: _version, ...fields } = body;
    return this.run(
      reply,
      {
        type: 'OpenRound',
        actor,
        ...fields,
        definition: { id: definition.id, version: definition.version },
        registrationReminderDaysBefore: [...definition.registrationReminderDaysBefore],
        titles: Object.keys(DEFAULT_TITLES),
        selectionRules: definition.selection,
      },
      context,
      201,
    );
  }

  @Get(':roundId')
  async get(@Param() { roundId }: RoundParams, @Res({ passthrough: true }) reply: FastifyReply) {
    const { state, revision } = await this.queryBus.execute<GetRound, { state: RoundState; revision: number }>(new GetRound(roundId));
    if (state.status === 'not-opened') throw new ProblemException(problem(404, 'ROUND_NOT_FOUND', `no round ${roundId}`));
    void reply.header('etag', `"${revision}"`);
    return { ...state, revision };
  }

  @Post(':roundId/needs')
  @AllowRoles('province-board', 'district-board')
  registerNeed(
    @Param() { roundId }: RoundParams,
    @Body() body: RegisterNeedDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const commune = this.adminUnits.commune(body.communeCode);
    if (!commune) {
      throw new ProblemException(
        problem(400, 'UNKNOWN_COMMUNE', `no commune ${body.communeCode} in the catalogue`, {
          errors: [{ field: 'communeCode', rule: 'must be a commune code of the catalogue' }],
        }),
      );
    }
    const { communeCode: _code, ...fields } = body;
    return this.run(
      reply,
      {
        type: 'RegisterNeed',
        actor,
        roundId,
        ...fields,
        commune: { code: commune.code, name: commune.name, districtCode: commune.districtCode },
      },
      context,
      201,
    );
  }

  @Patch(':roundId/needs/:needId')
  @AllowRoles('province-board', 'district-board')
  amendNeed(
    @Param() { roundId, needId }: NeedParams,
    @Body() body: AmendNeedDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, { type: 'AmendNeed', actor, roundId, needId, ...body }, context);
  }

  @Post(':roundId/needs/:needId/approval')
  @AllowRoles('province-board')
  approveNeed(
    @Param() { roundId, needId }: NeedParams,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, { type: 'ApproveNeed', actor, roundId, needId }, context);
  }

  @Post(':roundId/needs/:needId/withdrawal')
  @AllowRoles('province-board', 'district-board')
  withdrawNeed(
    @Param() { roundId, needId }: NeedParams,
    @Body() body: ReasonDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, { type: 'WithdrawNeed', actor, roundId, needId, reason: body.reason }, context);
  }

  @Post(':roundId/registration-window/extension')
  @AllowRoles('province-board')
  extendWindow(
    @Param() { roundId }: RoundParams,
    @Body() body: ExtendWindowDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, { type: 'ExtendRegistrationWindow', actor, roundId, closesAt: body.closesAt }, context);
  }

  @Post(':roundId/registration-window/closure')
  @AllowRoles('province-board')
  closeWindow(
    @Param() { roundId }: RoundParams,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, { type: 'CloseRegistrationWindow', actor, roundId }, context);
  }

  @Post(':roundId/selection')
  @AllowRoles('province-board')
  startSelection(
    @Param() { roundId }: RoundParams,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, { type: 'StartSelection', actor, roundId }, context);
  }

  @Post(':roundId/needs/:needId/selection-results')
  @AllowRoles('province-board')
  publishResults(
    @Param() { roundId, needId }: NeedParams,
    @Body() body: PublishResultsDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, { type: 'PublishSelectionResults', actor, roundId, needId, candidates: body.candidates }, context);
  }

  @Post(':roundId/closure')
  @AllowRoles('province-board')
  close(
    @Param() { roundId }: RoundParams,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, { type: 'CloseRound', actor, roundId }, context);
  }
}
