import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@app/config';
import { BearerTokenGuard } from './bearer-token.guard';
import { resolveJwtSecret } from './jwt-secret';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: resolveJwtSecret(config), signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: BearerTokenGuard }],
  exports: [JwtModule],
})
export class AuthModule {}
