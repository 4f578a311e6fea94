import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DeadlinesReportController } from './deadlines-report.controller';
import { GetDeadlinesReportHandler } from './deadlines-report.query';

@Module({
  imports: [CqrsModule],
  controllers: [DeadlinesReportController],
  providers: [GetDeadlinesReportHandler],
})
export class DeadlinesModule {}
