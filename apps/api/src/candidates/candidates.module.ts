import { Module } from '@nestjs/common';
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
    ListCandidatesHandler,
  ],
})
export class CandidatesModule {}
