import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { ReferenceModule } from '../reference/reference.module';
import { GetRoundHandler } from './get-round.query';
import { RunRoundCommandHandler } from './round-command.handler';
import { RoundsController } from './rounds.controller';
import { NeedsImportController } from '../imports/needs-import.controller';

@Module({
  imports: [CommandsModule, ReferenceModule],
  controllers: [RoundsController, NeedsImportController],
  providers: [RunRoundCommandHandler, GetRoundHandler],
})
export class RoundsModule {}
