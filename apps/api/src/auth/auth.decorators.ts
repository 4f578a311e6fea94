import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Role } from '@app/pipeline';

export const PUBLIC_ROUTE = 'auth:public';
export const ALLOWED_ROLES = 'auth:roles';

/** No token needed (health, API docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Roles that may call the route at all. Finer rules (a district board acting
 * only in its district) belong to the domain, which knows whose candidate it is.
 */
export const AllowRoles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** The authenticated caller, as the domain sees it. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
