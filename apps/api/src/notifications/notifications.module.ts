import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReadYourWrites } from '../http/read-your-writes';
import { ListNotificationsHandler } from './list-notifications.query';
import { NotificationsController } from './notifications.controller';

@Module({ imports: [CqrsModule], controllers: [NotificationsController], providers: [ReadYourWrites, ListNotificationsHandler] })
export class NotificationsModule {}
