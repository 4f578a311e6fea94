import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor, TrainingClassCommand, TrainingClassState, TrainingResult } from '@app/pipeline';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import type { CommandContext, CommandOutcome } from '../commands/stream-commands';
import { CommandCtx } from '../http/command-context';
import { problem, ProblemException } from '../http/problem';
import { respond } from '../http/respond';
import { DefinitionsService } from '../reference/definitions.service';
import { roundWithDefinition, stepOfKind } from '../reference/round-definition';
import { RunClassCommand } from './class-command.handler';
import { GetClass } from './get-class.query';
import { ClassParams, EnrolmentDto, ExtendClassDto, OpenClassDto, TrainingResultDto } from './training-class.dto';

function toResult(dto: TrainingResultDto): TrainingResult {
  if (dto.outcome === 'passed') return { outcome: 'passed', diploma: dto.diploma!, certificates: dto.certificates ?? [] };
  return { outcome: dto.outcome, reason: dto.reason ?? '' };
}

/** Classes at the provincial Political School: only the school writes here. */
@ApiTags('training classes')
@ApiBearerAuth()
@Controller('training-classes')
export class TrainingClassesController {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: QueryBus,
    private readonly definitions: DefinitionsService,
  ) {}

  private run(reply: FastifyReply, command: TrainingClassCommand, context: CommandContext, created = 200): Promise<CommandOutcome> {
    return this.bus
      .execute<RunClassCommand, CommandOutcome>(new RunClassCommand(command, context))
      .then((outcome) => respond(reply, outcome, created));
  }

  @Post()
  @AllowRoles('political-school')
  async open(
    @Body() body: OpenClassDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { definition } = await roundWithDefinition(this.queries, this.definitions, body.roundId);
    const training = stepOfKind(definition, 'training');
    return this.run(
      reply,
      {
        type: 'OpenClass',
        actor,
        ...body,
        duration: training.duration!,
        parts: (training.parts ?? []).map((part) => ({ id: part.id, label: part.label })),
        reminderDaysBefore: [...(training.reminderDaysBefore ?? [])],
      },
      context,
      201,
    );
  }

  @Get(':classId')
  async get(@Param() { classId }: ClassParams, @Res({ passthrough: true }) reply: FastifyReply) {
    const { state, revision } = await this.queries.execute<GetClass, { state: TrainingClassState; revision: number }>(
      new GetClass(classId),
    );
    if (state.status === 'not-opened') throw new ProblemException(problem(404, 'CLASS_NOT_FOUND', `no training class ${classId}`));
    void reply.header('etag', `"${revision}"`);
    return { ...state, revision };
  }

  @Post(':classId/enrolments')
  @AllowRoles('political-school')
  enrol(
    @Param() { classId }: ClassParams,
    @Body() body: EnrolmentDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, { type: 'EnrolCandidate', actor, classId, candidateId: body.candidateId }, context, 201);
  }

  @Post(':classId/extension')
  @AllowRoles('political-school')
  extend(
    @Param() { classId }: ClassParams,
    @Body() body: ExtendClassDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, { type: 'ExtendClass', actor, classId, plannedEnd: body.plannedEnd }, context);
  }

  @Post(':classId/results')
  @AllowRoles('political-school')
  recordResult(
    @Param() { classId }: ClassParams,
    @Body() body: TrainingResultDto,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, { type: 'RecordResult', actor, classId, candidateId: body.candidateId, result: toResult(body) }, context);
  }

  @Post(':classId/closure')
  @AllowRoles('political-school')
  close(
    @Param() { classId }: ClassParams,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, { type: 'CloseClass', actor, classId }, context);
  }
}
