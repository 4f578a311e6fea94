import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AppConfig } from '@app/config';
import { RateLimitModule } from '../http/rate-limit';
import { BearerTokenGuard } from './bearer-token.guard';
import { resolveJwtSecret } from './jwt-secret';

@Module({
  imports: [
    RateLimitModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: resolveJwtSecret(config), signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  // Order matters: the rate limit counts every request, the token check comes after.
  providers: [
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: BearerTokenGuard },
  ],
  exports: [JwtModule],
})
export class AuthModule {}
