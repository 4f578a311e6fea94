import { Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { AnchorWriter } from '@app/audit';
import { EVENT_STORE, type EventStore } from '@app/event-store';

/**
 * Runs the audit anchor writer in the worker. It stops on module destroy,
 * which Nest runs before the event store closes on application shutdown.
 */
@Injectable()
export class AnchorWriterService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AnchorWriter');
  private readonly writer: AnchorWriter;

  constructor(@Inject(EVENT_STORE) store: EventStore, config: AppConfig) {
    this.writer = new AnchorWriter(store, {
      blockSize: config.ANCHOR_BLOCK_SIZE,
      intervalMs: config.ANCHOR_INTERVAL_MS,
      writerId: `anchor-writer-${process.pid}`,
      onError: (error) => this.logger.error(`anchoring failed, restarting from the last anchor: ${(error as Error).message}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.writer.start();
    this.logger.log('anchoring the log in blocks');
  }

  async onModuleDestroy(): Promise<void> {
    await this.writer.stop();
  }
}

@Module({ providers: [AnchorWriterService] })
export class AnchorsModule {}
