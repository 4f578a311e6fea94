import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { ReferenceModule } from '../reference/reference.module';
import { GetRoundHandler } from './get-round.query';
import { RunRoundCommandHandler } from './round-command.handler';
import { RoundsController } from './rounds.controller';

@Module({
  imports: [CommandsModule, ReferenceModule],
  controllers: [RoundsController],
  providers: [RunRoundCommandHandler, GetRoundHandler],
})
export class RoundsModule {}
