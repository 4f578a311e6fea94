import { DynamicModule, Module } from '@nestjs/common';
import { ClockModule, type Clock } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { EventStoreModule } from '@app/event-store';
import { RedisModule } from '@app/redis';
import { ProjectionsModule } from '@app/projections';
import { READ_MODEL_PROJECTIONS, upcastRecordedEvent } from '@app/read-models';
import { QueuesModule } from '@app/scheduling';
import { AuthModule } from './auth/auth.module';
import { IdempotencyGuard } from './http/idempotency.guard';
import { HealthModule } from './health/health.module';
import { ReferenceModule } from './reference/reference.module';
import { RoundsModule } from './rounds/rounds.module';
import { TrainingClassesModule } from './training-classes/training-classes.module';
import { CandidatesModule } from './candidates/candidates.module';
import { ProjectionsApiModule } from './projections/projections-api.module';
import { AuditModule } from './audit/audit.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { NotificationsModule } from './notifications/notifications.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { ReportsModule } from './reports/reports.module';

export interface ApiModuleOptions {
  /** Extra modules run in the same process: the worker's, under `npm start`. */
  alongside?: DynamicModule['imports'];
  /** Where commands and timers read the time; tests pass a ManualClock. */
  clock?: Clock;
  /** Feed the read models in this process; default: API_RUNS_PROJECTIONS. */
  runProjections?: boolean;
}

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, options: ApiModuleOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(options.clock),
        EventStoreModule,
        RedisModule,
        QueuesModule,
        ProjectionsModule.forRoot({
          definitions: READ_MODEL_PROJECTIONS,
          upcast: upcastRecordedEvent,
          run: options.runProjections ?? config.API_RUNS_PROJECTIONS === 'true',
          // A catch-up transaction holds the event loop; here it also holds requests (≈ 0.35 s at 10,000 events, ≈ 0.9 s at 25,000).
          batchSize: 10_000,
        }),
        AuthModule,
        HealthModule,
        ReferenceModule,
        RoundsModule,
        TrainingClassesModule,
        CandidatesModule,
        ProjectionsApiModule,
        AuditModule,
        DeadlinesModule,
        NotificationsModule,
        WebhooksModule,
        ReportsModule,
        ...(options.alongside ?? []),
      ],
      providers: [IdempotencyGuard],
    };
  }
}
