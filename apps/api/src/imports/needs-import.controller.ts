import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@app/pipeline';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import type { CommandContext, CommandOutcome } from '../commands/stream-commands';
import { CommandCtx } from '../http/command-context';
import { problem, ProblemException } from '../http/problem';
import { AdminUnits } from '../reference/admin-units';
import { RunRoundCommand } from '../rounds/round-command.handler';
import { RegisterNeedDto, RoundParams } from '../rounds/round.dto';
import { csvRecords, importReport, rejectedRow, validRow, type RowReport } from './csv-rows';

/**
 * Bulk registration of needs from CSV (columns needId, communeCode, title,
 * quantity, acceptedMajors with majors separated by ";"). Each row is its own
 * command: a rejected row changes nothing, the others go through, and the
 * answer reports every row.
 */
@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds/:roundId/needs/import')
export class NeedsImportController {
  constructor(
    private readonly bus: CommandBus,
    private readonly adminUnits: AdminUnits,
  ) {}

  @Post()
  @HttpCode(200)
  @AllowRoles('province-board', 'district-board')
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example:
        'needId,communeCode,title,quantity,acceptedMajors\nngoc-van-tai-chinh,07351,finance-accounting,2,Kế toán;Tài chính – Ngân hàng',
    },
  })
  async import(
    @Param() { roundId }: RoundParams,
    @Body() csv: unknown,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ) {
    if (typeof csv !== 'string') throw new ProblemException(problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the rows as text/csv'));
    const rows: RowReport[] = [];
    for (const { row, record } of csvRecords(csv)) {
      rows.push(await this.importRow(roundId, row, record, context, actor));
    }
    return importReport(rows);
  }

  private async importRow(
    roundId: string,
    row: number,
    record: Record<string, string>,
    context: CommandContext,
    actor: Actor,
  ): Promise<RowReport> {
    const plain = {
      ...record,
      acceptedMajors: (record.acceptedMajors ?? '')
        .split(';')
        .map((major) => major.trim())
        .filter(Boolean),
    };
    const dto = await validRow(RegisterNeedDto, plain);
    if (Array.isArray(dto))
      return {
        row,
        status: 'rejected',
        id: record.needId,
        code: 'VALIDATION_FAILED',
        detail: dto.map((e) => `${e.field}: ${e.rule}`).join('; '),
        errors: dto,
      };
    const commune = this.adminUnits.commune(dto.communeCode);
    if (!commune)
      return { row, status: 'rejected', id: dto.needId, code: 'UNKNOWN_COMMUNE', detail: `no commune ${dto.communeCode} in the catalogue` };
    const { communeCode: _code, ...fields } = dto;
    const rowContext = {
      ...context,
      causationId: `${context.causationId}#row-${row}-${randomUUID().slice(0, 8)}`,
      expectedRevision: undefined,
    };
    try {
      const outcome = await this.bus.execute<RunRoundCommand, CommandOutcome>(
        new RunRoundCommand(
          {
            type: 'RegisterNeed',
            actor,
            roundId,
            ...fields,
            commune: { code: commune.code, name: commune.name, districtCode: commune.districtCode },
          },
          rowContext,
        ),
      );
      return { row, status: 'accepted', id: dto.needId, revision: outcome.revision, position: outcome.position };
    } catch (error) {
      return rejectedRow(row, error, dto.needId);
    }
  }
}
