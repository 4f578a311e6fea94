import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReadYourWrites } from '../http/read-your-writes';
import { ReferenceModule } from '../reference/reference.module';
import { DeadlinesReportController } from './deadlines-report.controller';
import { GetDeadlinesReportHandler } from './deadlines-report.query';

@Module({
  imports: [CqrsModule, ReferenceModule],
  controllers: [DeadlinesReportController],
  providers: [ReadYourWrites, GetDeadlinesReportHandler],
})
export class DeadlinesModule {}
