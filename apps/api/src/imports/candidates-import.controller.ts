import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@app/pipeline';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import { ApplyDto } from '../candidates/candidate-application.dto';
import { CandidateApplications } from '../candidates/candidate-applications';
import type { CommandContext } from '../commands/stream-commands';
import { CommandCtx } from '../http/command-context';
import { problem, ProblemException } from '../http/problem';
import { csvRecords, importReport, rejectedRow, validRow, type RowReport } from './csv-rows';

const EXAMPLE =
  'roundId,needId,nationalId,fullName,birthDate,degree,studyMode,major,institution,graduationYear,priorPosition\n' +
  'bac-giang-2026-1,ngoc-van-tai-chinh,024201001234,Nguyễn Thị Hương Giang,2002-04-12,university,full-time,Kế toán,Học viện Tài chính,2025,none-graduate-source';

/** Bulk applications from CSV: each row is its own application, reported on its own; a rejected row changes nothing. */
@ApiTags('candidates')
@ApiBearerAuth()
@Controller('candidates/import')
export class CandidatesImportController {
  constructor(private readonly applications: CandidateApplications) {}

  @Post()
  @HttpCode(200)
  @AllowRoles('province-board', 'district-board')
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: EXAMPLE } })
  async import(@Body() csv: unknown, @CommandCtx() context: CommandContext, @CurrentActor() actor: Actor) {
    if (typeof csv !== 'string') throw new ProblemException(problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the rows as text/csv'));
    const rows: RowReport[] = [];
    for (const { row, record } of csvRecords(csv)) rows.push(await this.importRow(row, record, context, actor));
    return importReport(rows);
  }

  private async importRow(row: number, record: Record<string, string>, context: CommandContext, actor: Actor): Promise<RowReport> {
    const { degree, studyMode, major, institution, graduationYear, priorPosition, ...person } = record;
    const plain = {
      ...person,
      education: { degree, studyMode, major, institution, graduationYear },
      ...(priorPosition ? { priorPosition } : {}),
    };
    const dto = await validRow(ApplyDto, plain);
    if (Array.isArray(dto)) {
      return {
        row,
        status: 'rejected',
        code: 'VALIDATION_FAILED',
        detail: dto.map((e) => `${e.field}: ${e.rule}`).join('; '),
        errors: dto,
      };
    }
    const rowContext = {
      ...context,
      causationId: `${context.causationId}#row-${row}-${randomUUID().slice(0, 8)}`,
      expectedRevision: undefined,
    };
    try {
      const outcome = await this.applications.apply(dto, actor, rowContext);
      return { row, status: 'accepted', id: outcome.candidateId, revision: outcome.revision, position: outcome.position };
    } catch (error) {
      return rejectedRow(row, error);
    }
  }
}
