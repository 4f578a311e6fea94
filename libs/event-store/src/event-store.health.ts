import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from './port/event-store';
import { withTimeout } from '@app/common';

@Injectable()
export class EventStoreHealth {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'eventStore', timeoutMs = 2_000): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      await withTimeout(this.store.ping(), timeoutMs, `${this.store.name} did not answer within ${timeoutMs} ms`);
      return indicator.up({ adapter: this.store.name });
    } catch (error) {
      return indicator.down({ adapter: this.store.name, message: (error as Error).message });
    }
  }
}
