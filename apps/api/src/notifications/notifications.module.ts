import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ListNotificationsHandler } from './list-notifications.query';
import { NotificationsController } from './notifications.controller';

@Module({ imports: [CqrsModule], controllers: [NotificationsController], providers: [ListNotificationsHandler] })
export class NotificationsModule {}
