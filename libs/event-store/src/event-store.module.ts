import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '@app/config';
import { createEventStore } from './create-event-store';
import { EVENT_STORE, type EventStore } from './port/event-store';
import { EventStoreHealth } from './event-store.health';

/**
 * Provides the configured event store. It closes on application shutdown,
 * which Nest runs after the HTTP server has stopped taking requests, so
 * appends in flight finish before the file or connection is released.
 */
@Global()
@Module({
  imports: [TerminusModule],
  providers: [{ provide: EVENT_STORE, inject: [AppConfig], useFactory: createEventStore }, EventStoreHealth],
  exports: [EVENT_STORE, EventStoreHealth],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
