import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, formatPosition, type EventStore } from '@app/event-store';
import { PROJECTION_UPCAST, replayUntil, type Upcast } from '@app/projections';
import { pipelineBoardProjection, type BoardFilter } from '@app/read-models';
import { boardRows, type BoardCandidateRow, type BoardCountRow, type BoardView } from './pipeline-board.query';
import { ReportLabels } from './report-labels';
import type { ReportResult } from './report-response';

export class GetBoardAsOf {
  constructor(
    readonly asOf: Date,
    readonly filter: BoardFilter,
    readonly view: BoardView = 'candidates',
  ) {}
}

/**
 * The whole pipeline board as it stood at a past moment: the board's own
 * projection replayed from the first event to that moment into a scratch
 * in-memory database, days in step counted at that moment. Nothing is kept.
 */
@QueryHandler(GetBoardAsOf)
export class GetBoardAsOfHandler implements IQueryHandler<GetBoardAsOf, ReportResult<BoardCandidateRow | BoardCountRow>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_UPCAST) private readonly upcast: Upcast,
    private readonly labels: ReportLabels,
  ) {}

  async execute({ asOf, filter, view }: GetBoardAsOf): Promise<ReportResult<BoardCandidateRow | BoardCountRow>> {
    const replayed = await replayUntil(this.store, pipelineBoardProjection, asOf, { upcast: this.upcast });
    try {
      return {
        asOf: asOf.toISOString(),
        position: replayed.position && formatPosition(replayed.position),
        eventsReplayed: replayed.events,
        rows: boardRows(replayed.db, replayed.tables, filter, view, asOf, this.labels),
      };
    } finally {
      replayed.db.close();
    }
  }
}
