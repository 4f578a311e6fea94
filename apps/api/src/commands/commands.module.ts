import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, SystemClock } from '@app/common';
import { StreamCommands } from './stream-commands';

@Module({
  imports: [CqrsModule],
  providers: [StreamCommands, { provide: Clock, useClass: SystemClock }],
  exports: [CqrsModule, StreamCommands, Clock],
})
export class CommandsModule {}
