import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
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
      // A ready KeyObject: given a string, jsonwebtoken re-derives the key on every verification
      // (measured: a third of the CPU of an authenticated no-op request).
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(resolveJwtSecret(config))) as unknown as string,
        signOptions: { algorithm: 'HS256' },
      }),
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
