import { Global, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '@app/config';
import { evictionPolicy, type EvictionPolicy } from './eviction-policy';
import { PipelineQueues } from './pipeline-queues';
import { QueueHealth } from './queue-health';

/**
 * The deployment's queues, for every process: the API reads them (health,
 * dashboard), the worker fills and works them. At start it checks that Redis
 * will never evict a job, and says so loudly when it might.
 */
@Global()
@Module({
  imports: [TerminusModule],
  providers: [
    {
      provide: PipelineQueues,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new PipelineQueues(config.REDIS_URL, config.QUEUE_PREFIX),
    },
    QueueHealth,
  ],
  exports: [PipelineQueues, QueueHealth],
})
export class QueuesModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Queues');

  constructor(
    private readonly queues: PipelineQueues,
    private readonly health: QueueHealth,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const found = await evictionPolicy(this.queues.connection);
    this.health.evictionPolicy = found;
    if (!found.safe) this.logger.error(evictionWarning(found));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close().catch((error: Error) => this.logger.warn(error.message));
  }
}

export function evictionWarning(found: EvictionPolicy): string {
  return [
    '',
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    `!! Redis maxmemory-policy is "${found.policy}", not "noeviction".`,
    '!! Under memory pressure Redis may drop queued deadline jobs. The reconciler',
    '!! re-creates them from the deadlines read model, but set noeviction',
    '!! (redis-server --maxmemory-policy noeviction) so nothing is dropped.',
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  ].join('\n');
}
