import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { EventStoreHealth } from '@app/event-store';
import { RedisHealth } from '@app/redis';
import { QueueHealth } from '@app/scheduling';
import { Public } from '../auth/auth.decorators';

/**
 * 200 when the event store and Redis both answer; 503 naming whichever does not.
 * `queues` (depth, failures, oldest overdue deadline, Redis eviction policy) is informational.
 */
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealth,
    private readonly redis: RedisHealth,
    private readonly queues: QueueHealth,
  ) {}

  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.health.check([() => this.eventStore.check(), () => this.redis.check(), () => this.queues.check()]);
    } catch (error) {
      // Answered here, not by the problem filter: monitors read terminus's own report format.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      return error.getResponse();
    }
  }
}
