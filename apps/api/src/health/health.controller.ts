import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { EventStoreHealth } from '@app/event-store';
import { RedisHealth } from '@app/redis';

/** 200 when the event store and Redis both answer; 503 naming whichever does not. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealth,
    private readonly redis: RedisHealth,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.eventStore.check(), () => this.redis.check()]);
  }
}
