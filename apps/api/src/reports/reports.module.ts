import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { ReadYourWrites } from '../http/read-your-writes';
import { ReferenceModule } from '../reference/reference.module';
import { BoardAsOfController } from './board-as-of.controller';
import { GetBoardAsOfHandler } from './board-as-of.query';
import { GetCohortOutcomesHandler } from './cohort-outcomes.query';
import { GetNeedsCoverageHandler } from './needs-coverage.query';
import { GetPipelineBoardHandler } from './pipeline-board.query';
import { GetProgrammeTargetHandler } from './programme-target.query';
import { ReportLabels } from './report-labels';
import { ReportsController } from './reports.controller';
import { GetStepFunnelHandler } from './step-funnel.query';

const QUERY_HANDLERS = [
  GetPipelineBoardHandler,
  GetNeedsCoverageHandler,
  GetCohortOutcomesHandler,
  GetStepFunnelHandler,
  GetProgrammeTargetHandler,
  GetBoardAsOfHandler,
];

@Module({
  imports: [CommandsModule, ReferenceModule],
  controllers: [ReportsController, BoardAsOfController],
  providers: [ReadYourWrites, ReportLabels, ...QUERY_HANDLERS],
  exports: [ReadYourWrites],
})
export class ReportsModule {}
