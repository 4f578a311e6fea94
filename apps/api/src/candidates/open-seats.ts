import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { RoundState } from '@app/pipeline';
import { needsCoverageProjection, placesTaken, type SeatQuery } from '@app/read-models';
import { ReadYourWrites } from '../http/read-your-writes';
import { GetRound } from '../rounds/get-round.query';

/**
 * How many seats of a commune × title are still open in a round: the approved
 * seats (from the round's own stream) less those other candidates hold (an
 * offer awaiting its answer, or accepted), read from needs-coverage once it
 * has caught up with the log. As fresh as that read model, not a lock.
 */
@Injectable()
export class OpenSeats {
  constructor(
    private readonly queries: QueryBus,
    private readonly readModels: ReadYourWrites,
  ) {}

  async count(seat: SeatQuery): Promise<number> {
    const { state: round } = await this.queries.execute<GetRound, { state: RoundState }>(new GetRound(seat.roundId));
    const needs = round.status === 'not-opened' ? [] : round.needs;
    const approved = needs
      .filter((need) => need.status === 'approved' && need.commune.code === seat.communeCode && need.title === seat.title)
      .reduce((sum, need) => sum + need.quantity, 0);
    const taken = placesTaken(this.readModels.db, await this.readModels.atHead(needsCoverageProjection), seat);
    return Math.max(approved - taken, 0);
  }
}
