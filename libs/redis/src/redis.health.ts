import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { withTimeout } from '@app/common';
import { REDIS } from './redis.tokens';

@Injectable()
export class RedisHealth {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'redis', timeoutMs = 1_000): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      const answer = await withTimeout(this.pingWhenReady(), timeoutMs, `no answer within ${timeoutMs} ms`);
      return answer === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected answer ${answer}` });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  /** Right after start the connection may still be opening; wait for it rather than report a false outage. */
  private async pingWhenReady(): Promise<string> {
    if (this.redis.status !== 'ready') {
      await new Promise<void>((resolve, reject) => {
        const onReady = (): void => {
          this.redis.off('error', onError);
          resolve();
        };
        const onError = (error: Error): void => {
          this.redis.off('ready', onReady);
          reject(error);
        };
        this.redis.once('ready', onReady);
        this.redis.once('error', onError);
      });
    }
    return this.redis.ping();
  }
}
