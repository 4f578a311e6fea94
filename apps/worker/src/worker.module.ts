import { Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AnchorsModule } from './anchors/anchors.module';
import { TimersModule } from './timers/timers.module';

/**
 * The worker's own modules: the audit anchor writer, and the BullMQ timers,
 * reminders and webhook deliveries. It relies on the event store, Redis, queues, clock and
 * projections modules of whichever root module hosts it: the worker process
 * or, under npm start, the API.
 */
@Module({ imports: [AnchorsModule, TimersModule] })
export class WorkerModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');

  onApplicationBootstrap(): void {
    this.logger.log('worker started');
  }

  onApplicationShutdown(signal?: string): void {
    this.logger.log(`worker stopped${signal ? ` on ${signal}` : ''}`);
  }
}
