import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, UserPrincipal } from '@app/auth';
import { NotificationDto } from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
@Auth()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The signed-in user's own notifications, newest first. */
  @Get()
  @ApiOkResponse({ type: [NotificationDto] })
  list(@CurrentPrincipal() p: UserPrincipal): Promise<NotificationDto[]> {
    return this.notifications.forUser(p.id);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Marked as read (again, if it was)' })
  @ApiNotFoundResponse({ description: 'No such notification of yours' })
  async read(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: UserPrincipal) {
    await this.notifications.markRead(p.id, id);
  }
}
