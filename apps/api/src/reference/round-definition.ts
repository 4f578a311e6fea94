import { QueryBus } from '@nestjs/cqrs';
import type { PipelineDefinition, RoundState, StepDefinition } from '@app/pipeline';
import { problem, ProblemException } from '../http/problem';
import { GetRound } from '../rounds/get-round.query';
import type { DefinitionsService } from './definitions.service';

/** The definition version a round runs, and its round state; 404 when the round does not exist. */
export async function roundWithDefinition(
  queries: QueryBus,
  definitions: DefinitionsService,
  roundId: string,
): Promise<{ round: Exclude<RoundState, { status: 'not-opened' }>; definition: PipelineDefinition }> {
  const { state } = await queries.execute<GetRound, { state: RoundState }>(new GetRound(roundId));
  if (state.status === 'not-opened') throw new ProblemException(problem(404, 'ROUND_NOT_FOUND', `no round ${roundId}`));
  return { round: state, definition: definitions.get(state.definition.id, state.definition.version) };
}

export function stepOfKind(definition: PipelineDefinition, kind: StepDefinition['kind']): StepDefinition {
  const step = definition.steps.find((candidate) => candidate.kind === kind);
  if (!step)
    throw new ProblemException(problem(409, 'STEP_NOT_IN_DEFINITION', `${definition.id} v${definition.version} has no ${kind} step`));
  return step;
}
