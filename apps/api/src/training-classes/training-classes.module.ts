import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { ReferenceModule } from '../reference/reference.module';
import { RoundsModule } from '../rounds/rounds.module';
import { RunClassCommandHandler } from './class-command.handler';
import { GetClassHandler } from './get-class.query';
import { TrainingClassesController } from './training-classes.controller';

@Module({
  imports: [CommandsModule, ReferenceModule, RoundsModule],
  controllers: [TrainingClassesController],
  providers: [RunClassCommandHandler, GetClassHandler],
})
export class TrainingClassesModule {}
