import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { RoundState } from '@app/pipeline';
import { StreamCommands } from '../commands/stream-commands';
import { ROUND_MODEL, roundStream } from '../commands/stream-models';

export class GetRound {
  constructor(readonly roundId: string) {}
}

/** A round as its stream tells it now; richer read models come from projections. */
@QueryHandler(GetRound)
export class GetRoundHandler implements IQueryHandler<GetRound, { state: RoundState; revision: number }> {
  constructor(private readonly streams: StreamCommands) {}

  execute({ roundId }: GetRound) {
    return this.streams.load(roundStream(roundId), ROUND_MODEL);
  }
}
