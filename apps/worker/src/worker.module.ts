import { Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AnchorsModule } from './anchors/anchors.module';

/**
 * The worker's own modules: projections (checkpointed subscriptions) and the
 * BullMQ timers join here. It relies on the event store and Redis modules of
 * whichever root module hosts it: the worker process or, under npm start, the API.
 */
@Module({ imports: [AnchorsModule] })
export class WorkerModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');

  onApplicationBootstrap(): void {
    this.logger.log('worker started');
  }

  onApplicationShutdown(signal?: string): void {
    this.logger.log(`worker stopped${signal ? ` on ${signal}` : ''}`);
  }
}
