import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { StreamCommands } from './stream-commands';

/** The Clock comes from the root module's ClockModule, so a test's clock reaches every command. */
@Module({
  imports: [CqrsModule],
  providers: [StreamCommands],
  exports: [CqrsModule, StreamCommands],
})
export class CommandsModule {}
