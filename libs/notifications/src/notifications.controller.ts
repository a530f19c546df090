import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, UserPrincipal } from '@app/auth';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
@Auth()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The signed-in user's own notifications, newest first. */
  @Get()
  list(@CurrentPrincipal() p: UserPrincipal) {
    return this.notifications.forUser(p.id);
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: UserPrincipal) {
    await this.notifications.markRead(p.id, id);
  }
}
