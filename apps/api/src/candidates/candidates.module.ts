import { Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '@app/config';
import { REDIS } from '@app/redis';
import { CommandsModule } from '../commands/commands.module';
import { ReferenceModule } from '../reference/reference.module';
import { RoundsModule } from '../rounds/rounds.module';
import { TrainingClassesModule } from '../training-classes/training-classes.module';
import { RunCandidateCommandHandler } from './candidate-command.handler';
import { CandidatePlacementController } from './candidate-placement.controller';
import { CandidateRunner } from './candidate-runner';
import { CandidatesController } from './candidates.controller';
import { CandidateApplications } from './candidate-applications';
import { CandidatesImportController } from '../imports/candidates-import.controller';
import { GetCandidateHandler } from './get-candidate.query';
import { ReadYourWrites } from '../http/read-your-writes';
import { OpenSeats } from './open-seats';
import { SeatLock } from './seat-lock';
import { ListCandidatesHandler } from './list-candidates.query';

@Module({
  imports: [CommandsModule, ReferenceModule, RoundsModule, TrainingClassesModule],
  controllers: [CandidatesImportController, CandidatesController, CandidatePlacementController],
  providers: [
    CandidateApplications,
    RunCandidateCommandHandler,
    GetCandidateHandler,
    CandidateRunner,
    ReadYourWrites,
    OpenSeats,
    {
      provide: SeatLock,
      inject: [REDIS, AppConfig],
      // Under the deployment's queue prefix, as its queues.
      useFactory: (redis: Redis, config: AppConfig) => new SeatLock(redis, `${config.QUEUE_PREFIX}:seat-lock`),
    },
    ListCandidatesHandler,
  ],
})
export class CandidatesModule {}
