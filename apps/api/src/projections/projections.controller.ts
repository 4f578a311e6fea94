import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type Database from 'better-sqlite3';
import { ProjectionsHost, READ_MODEL_DB } from '@app/projections';
import { AllowRoles } from '../auth/auth.decorators';

/** Operators' and auditors' view of the read models: where each stands and what stopped it. */
@ApiTags('projections')
@ApiBearerAuth()
@AllowRoles('province-board', 'auditor')
@Controller('projections')
export class ProjectionsController {
  constructor(
    private readonly host: ProjectionsHost,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  @Get()
  @ApiOkResponse({
    description: "Each projection's live generation, position, lag (events and seconds), state and any rebuild in progress",
  })
  async status() {
    return { projections: await this.host.status() };
  }

  @Get('dead-letters')
  @ApiOkResponse({ description: 'Events a projection could not apply; the projection stopped at each' })
  deadLetters() {
    const rows = this.db
      .prepare(
        'SELECT id, name, generation, position, event_id AS eventId, stream_id AS streamId, type, error, recorded_at AS recordedAt FROM projection_dead_letters ORDER BY id DESC LIMIT 100',
      )
      .all() as { recordedAt: number }[];
    return { deadLetters: rows.map((row) => ({ ...row, recordedAt: new Date(row.recordedAt).toISOString() })) };
  }
}
