import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@app/pipeline';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';
import { actorFromClaims } from './token-claims';

/** Every route needs a valid bearer token unless marked @Public; @AllowRoles narrows who may call it. */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: unknown }>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('an Authorization: Bearer <token> header is required');
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync(match[1], { algorithms: ['HS256'] });
    } catch (error) {
      throw new UnauthorizedException(`the bearer token is not valid: ${(error as Error).message}`);
    }
    const actor = actorFromClaims(claims);
    if (typeof actor === 'string') throw new UnauthorizedException(actor);
    request.actor = actor;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (allowed && !allowed.includes(actor.role)) {
      throw new ForbiddenException(`role ${actor.role} may not do this; allowed: ${allowed.join(', ')}`);
    }
    return true;
  }
}
