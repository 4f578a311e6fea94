import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { candidateDeadlines, type CandidateState, type Deadline } from '@app/pipeline';
import { StreamCommands } from '../commands/stream-commands';
import { CANDIDATE_MODEL, candidateStream } from '../commands/stream-models';
import { DefinitionsService } from '../reference/definitions.service';

export class GetCandidate {
  constructor(readonly candidateId: string) {}
}

export interface CandidateView {
  state: CandidateState;
  revision: number;
  deadlines: Deadline[];
}

/** A candidate as its stream tells it: step, status, running deadlines, revision and definition version. */
@QueryHandler(GetCandidate)
export class GetCandidateHandler implements IQueryHandler<GetCandidate, CandidateView> {
  constructor(
    private readonly streams: StreamCommands,
    private readonly definitions: DefinitionsService,
  ) {}

  async execute({ candidateId }: GetCandidate): Promise<CandidateView> {
    const { state, revision } = await this.streams.load(candidateStream(candidateId), CANDIDATE_MODEL);
    if (state.status !== 'active') return { state, revision, deadlines: [] };
    const definition = this.definitions.get(state.application.definition.id, state.application.definition.version);
    return { state, revision, deadlines: candidateDeadlines(state, definition) };
  }
}
