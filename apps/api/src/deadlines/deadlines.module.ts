import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReadYourWrites } from '../http/read-your-writes';
import { DeadlinesReportController } from './deadlines-report.controller';
import { GetDeadlinesReportHandler } from './deadlines-report.query';

@Module({
  imports: [CqrsModule],
  controllers: [DeadlinesReportController],
  providers: [ReadYourWrites, GetDeadlinesReportHandler],
})
export class DeadlinesModule {}
