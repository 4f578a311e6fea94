import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { RoundState } from '@app/pipeline';
import { needsCoverageProjection, placesTaken, type SeatQuery } from '@app/read-models';
import type { CommandOutcome } from '../commands/stream-commands';
import { ReadYourWrites } from '../http/read-your-writes';
import { GetRound } from '../rounds/get-round.query';
import { SeatLock } from './seat-lock';

/**
 * How many seats of a commune × title are still open in a round: the approved
 * seats (from the round's own stream) less those other candidates hold (an
 * offer awaiting its answer, or accepted), read from needs-coverage once it
 * has caught up with the log. A command that may take a seat runs through
 * `taking`, so that no other such command for the same seat counts between
 * this count and its append.
 */
@Injectable()
export class OpenSeats {
  constructor(
    private readonly queries: QueryBus,
    private readonly readModels: ReadYourWrites,
    private readonly lock: SeatLock,
  ) {}

  /**
   * Counts the open seats and runs `command` with the count, holding the seat's lock across both (see SeatLock):
   * the count waits for needs-coverage to hold the log's head and the previous holder's append.
   */
  taking(seat: SeatQuery, command: (openSlots: number) => Promise<CommandOutcome>): Promise<CommandOutcome> {
    return this.lock.holding(seat, async (previous) => {
      const result = await command(await this.count(seat, previous));
      // Only an append moves the bar for the next holder: an ignored command answers its stream's older position.
      const appended = result.status === 'accepted' && result.events.length > 0;
      return { result, position: appended ? result.position : undefined };
    });
  }

  private async count(seat: SeatQuery, previous?: string): Promise<number> {
    const { state: round } = await this.queries.execute<GetRound, { state: RoundState }>(new GetRound(seat.roundId));
    const needs = round.status === 'not-opened' ? [] : round.needs;
    const approved = needs
      .filter((need) => need.status === 'approved' && need.commune.code === seat.communeCode && need.title === seat.title)
      .reduce((sum, need) => sum + need.quantity, 0);
    const taken = placesTaken(this.readModels.db, await this.readModels.atHead(needsCoverageProjection, previous), seat);
    return Math.max(approved - taken, 0);
  }
}
