import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@app/config';
import { EventStoreModule } from '@app/event-store';
import { RedisModule } from '@app/redis';
import { AuthModule } from './auth/auth.module';
import { IdempotencyGuard } from './http/idempotency.guard';
import { HealthModule } from './health/health.module';
import { ReferenceModule } from './reference/reference.module';
import { RoundsModule } from './rounds/rounds.module';
import { TrainingClassesModule } from './training-classes/training-classes.module';
import { CandidatesModule } from './candidates/candidates.module';

export interface ApiModuleOptions {
  /** Extra modules run in the same process: the worker's, under `npm start`. */
  alongside?: DynamicModule['imports'];
}

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, options: ApiModuleOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        EventStoreModule,
        RedisModule,
        AuthModule,
        HealthModule,
        ReferenceModule,
        RoundsModule,
        TrainingClassesModule,
        CandidatesModule,
        ...(options.alongside ?? []),
      ],
      providers: [IdempotencyGuard],
    };
  }
}
