import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { unitOfActor, type Actor } from '@app/pipeline';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import { problem, ProblemException } from '../http/problem';
import { ListNotifications, ListNotificationsQueryDto, type NotificationPage } from './list-notifications.query';

/** The caller's unit's inbox: reminders before each deadline it must act on. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AllowRoles('province-board', 'district-board', 'political-school', 'home-affairs')
  @ApiOkResponse({ description: "Reminders addressed to the caller's unit, newest first" })
  list(@Query() query: ListNotificationsQueryDto, @CurrentActor() actor: Actor) {
    const unit = unitOfActor(actor);
    if (!unit) throw new ProblemException(problem(403, 'ROLE_NOT_ALLOWED', `role ${actor.role} has no unit`));
    return this.queries.execute<ListNotifications, NotificationPage>(new ListNotifications(unit, query));
  }
}
