import { Controller, Get, HttpStatus, Query, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import { page } from '../page';
import type { PageUser } from '../views/layout.view';
import { RendersPage } from '../renders-page.decorator';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import { DashboardPagesService } from './dashboard-pages.service';
import { chosenYear } from './dashboard-year';
import { certDashboardView, DASHBOARD_PAGE } from './views/cert-dashboard.view';
import { badYearView, FigurePage } from './views/figure-bits.view';
import { OFFICER_FIGURES_PAGE, officerFiguresView } from './views/officer-figures.view';

type PageUserContext = { user: PageUser; csrfToken: string };

/**
 * The figure pages: KommuneCERT's dashboard (`/overblik`) and an officer's own municipality against
 * its region and the country (`/haendelsestal`). `?aar=` picks the calendar year.
 */
@ApiExcludeController()
@Controller()
@UseGuards(WebSessionGuard, WebRolesGuard)
export class DashboardPagesController {
  constructor(private readonly pages: DashboardPagesService) {}

  @Get('overblik')
  @WebRoles('cert_analyst')
  @RendersPage()
  dashboard(@CurrentPrincipal() p: UserPrincipal, @Query('aar') aar: unknown) {
    return this.yearPage(aar, DASHBOARD_PAGE, (year) => this.pages.certDashboard(p, year), certDashboardView);
  }

  @Get('haendelsestal')
  @WebRoles('municipality_officer')
  @RendersPage()
  officerFigures(@CurrentPrincipal() p: UserPrincipal, @Query('aar') aar: unknown) {
    return this.yearPage(
      aar,
      OFFICER_FIGURES_PAGE,
      (year) => this.pages.officerFigures(p, year),
      officerFiguresView,
    );
  }

  /** The page for the chosen year, or a 400 page that says which years there are. */
  private async yearPage<T>(
    aar: unknown,
    figurePage: FigurePage,
    parts: (year: number) => Promise<T>,
    view: (model: T & PageUserContext) => string,
  ) {
    const thisYear = this.pages.thisYear();
    const year = chosenYear(aar, thisYear);
    if (!year.ok) {
      return page(
        ({ user, csrfToken }) => badYearView(figurePage, user!, csrfToken, thisYear, year.given),
        HttpStatus.BAD_REQUEST,
      );
    }
    const model = await parts(year.year);
    return page(({ user, csrfToken }) => view({ ...model, user: user!, csrfToken }));
  }
}
