import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { WebSessionGuard } from '@app/auth';
import { page } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import { ADMINISTRATION_PATH } from './views/admin-components.view';
import { adminIndexView } from './views/admin-index.view';

/** `/administration`: the tools of the administrator and of KL; others get 403. */
@ApiExcludeController()
@Controller(ADMINISTRATION_PATH.slice(1))
@UseGuards(WebSessionGuard, WebRolesGuard)
@WebRoles('platform_admin', 'kl_analyst')
export class AdminIndexController {
  @Get()
  @RendersPage()
  index() {
    return page(({ user, csrfToken }) => adminIndexView({ user: user!, csrfToken }));
  }
}
