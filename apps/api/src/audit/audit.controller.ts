import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { parsePublishedAnchor, verifyStore, type VerifyReport } from '@app/audit';
import { EVENT_STORE, eventsAfter, streamEvents, type EventStore, type RecordedEvent } from '@app/event-store';
import { AllowRoles } from '../auth/auth.decorators';
import { problem, ProblemException } from '../http/problem';
import { auditEventView, ndjsonLines, type AuditEventView } from './audit-event.view';
import { HistoryQuery, StreamParams, VerifyQuery } from './audit.dto';

const DEFAULT_LIMIT = 100;

/** Read-only: nothing here (or anywhere in the API) edits or deletes an event. */
@ApiTags('audit')
@ApiBearerAuth()
@AllowRoles('auditor', 'province-board')
@Controller('audit')
export class AuditController {
  /** A whole-log pass takes seconds to minutes: callers asking the same while one runs share its report. */
  private readonly verifying = new Map<string, Promise<VerifyReport>>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * Recomputes every stream's hash chain and every anchor, and checks the
   * anchors published outside the store against the stored ones; `ok: false`
   * names the first broken link.
   */
  @Get('verify')
  verify(@Query() { anchor = [] }: VerifyQuery): Promise<VerifyReport> {
    const published = anchor.flatMap((value) => parsePublishedAnchor(value) ?? []);
    const key = [...anchor].sort().join(',');
    let running = this.verifying.get(key);
    if (!running) {
      running = verifyStore(this.store, { published }).finally(() => this.verifying.delete(key));
      this.verifying.set(key, running);
    }
    return running;
  }

  @Get('streams/:streamId/events')
  async history(
    @Param() { streamId }: StreamParams,
    @Query() { fromRevision = 0, limit = DEFAULT_LIMIT }: HistoryQuery,
  ): Promise<{ streamId: string; events: AuditEventView[]; nextRevision: number | null }> {
    const page = await this.store.readStream(streamId, { fromRevision, maxCount: limit });
    if (page.length === 0) await this.mustExist(streamId);
    const last = page[page.length - 1];
    return { streamId, events: page.map(auditEventView), nextRevision: page.length === limit ? last.revision + 1 : null };
  }

  @Get('streams/:streamId/export')
  @ApiProduces('application/x-ndjson')
  async exportStream(@Param() { streamId }: StreamParams, @Res() reply: FastifyReply): Promise<FastifyReply> {
    await this.mustExist(streamId);
    return sendNdjson(reply, `${streamId}.ndjson`, streamEvents(this.store, streamId));
  }

  @Get('export')
  @ApiProduces('application/x-ndjson')
  exportAll(@Res() reply: FastifyReply): FastifyReply {
    return sendNdjson(reply, 'events.ndjson', eventsAfter(this.store));
  }

  private async mustExist(streamId: string): Promise<void> {
    const [last] = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    if (!last) throw new ProblemException(problem(404, 'STREAM_NOT_FOUND', `no stream ${streamId}`));
  }
}

function sendNdjson(reply: FastifyReply, filename: string, events: AsyncIterable<RecordedEvent>): FastifyReply {
  // Header values are ASCII: a Vietnamese stream id is kept in the body, not the file name.
  const safeName = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return reply
    .header('content-type', 'application/x-ndjson; charset=utf-8')
    .header('content-disposition', `attachment; filename="${safeName}"`)
    .send(Readable.from(ndjsonLines(events)));
}
