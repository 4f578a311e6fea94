import { DynamicModule, Module } from '@nestjs/common';
import { ClockModule, type Clock } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { EventStoreModule } from '@app/event-store';
import { RedisModule } from '@app/redis';
import { ProjectionsModule } from '@app/projections';
import { READ_MODEL_PROJECTIONS, upcastRecordedEvent } from '@app/read-models';
import { QueuesModule } from '@app/scheduling';
import { WorkerModule } from './worker.module';

/** The worker as a process of its own (`npm run start:worker`): no HTTP server. */
@Module({})
export class WorkerRootModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: WorkerRootModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        EventStoreModule,
        RedisModule,
        QueuesModule,
        ProjectionsModule.forRoot({ definitions: READ_MODEL_PROJECTIONS, upcast: upcastRecordedEvent }),
        WorkerModule,
      ],
    };
  }
}
