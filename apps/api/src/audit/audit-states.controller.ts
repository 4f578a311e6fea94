import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parsePosition } from '@app/event-store';
import { AllowRoles } from '../auth/auth.decorators';
import { CandidateParams } from '../candidates/candidate-application.dto';
import type { StreamModel } from '../commands/stream-commands';
import { CANDIDATE_MODEL, candidateStream, CLASS_MODEL, classStream, ROUND_MODEL, roundStream } from '../commands/stream-models';
import { problem, ProblemException } from '../http/problem';
import { NeedParams, RoundParams } from '../rounds/round.dto';
import { ClassParams } from '../training-classes/training-class.dto';
import { AuditStates, type PastState, type PointInTime } from './audit-states';
import { AsOfQuery } from './audit.dto';

type Answer<S> = PastState<S> & { asked: { asOf: string } | { position: string } };

/** What a record looked like at a past moment, rebuilt from its events: `?asOf=<ISO-8601>` or `?position=<N>`. */
@ApiTags('audit')
@ApiBearerAuth()
@AllowRoles('auditor', 'province-board')
@Controller('audit')
export class AuditStatesController {
  constructor(private readonly states: AuditStates) {}

  @Get('candidates/:candidateId/state')
  candidate(@Param() { candidateId }: CandidateParams, @Query() query: AsOfQuery) {
    return this.answer(candidateStream(candidateId), CANDIDATE_MODEL, query);
  }

  @Get('rounds/:roundId/state')
  round(@Param() { roundId }: RoundParams, @Query() query: AsOfQuery) {
    return this.answer(roundStream(roundId), ROUND_MODEL, query);
  }

  @Get('rounds/:roundId/needs/:needId/state')
  async need(@Param() { roundId, needId }: NeedParams, @Query() query: AsOfQuery) {
    const { state, ...rest } = await this.answer(roundStream(roundId), ROUND_MODEL, query);
    const need = state.status === 'not-opened' ? undefined : state.needs.find((candidate) => candidate.needId === needId);
    if (!need) throw new ProblemException(problem(404, 'NEED_NOT_FOUND', `round ${roundId} had no need ${needId} at that moment`));
    return { ...rest, state: need };
  }

  @Get('training-classes/:classId/state')
  trainingClass(@Param() { classId }: ClassParams, @Query() query: AsOfQuery) {
    return this.answer(classStream(classId), CLASS_MODEL, query);
  }

  private async answer<S, E extends { type: string; data: unknown }>(
    streamId: string,
    model: StreamModel<S, E>,
    query: AsOfQuery,
  ): Promise<Answer<S>> {
    const point: PointInTime = query.position !== undefined ? { position: parsePosition(query.position) } : { asOf: new Date(query.asOf!) };
    const past = await this.states.at(streamId, model, point);
    if (!past) throw new ProblemException(problem(404, 'STREAM_NOT_FOUND', `no stream ${streamId}`));
    const asked = query.position !== undefined ? { position: query.position } : { asOf: new Date(query.asOf!).toISOString() };
    return { asked, ...past };
  }
}
