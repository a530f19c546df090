import { Controller, Get, Headers, NotFoundException, Param, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ClientAddress, CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import { reportFragment, ReportFormat, ReportsService, sendReport } from '@app/reports';
import { EditionsService } from '@app/surveys';
import { ROLES } from '@app/users';
import { CsrfService } from '../csrf.service';
import { EditionIdPipe } from '../edition-id.pipe';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import { WebUserService } from '../web-user.service';
import { reportListView, reportView, usageView } from './views/report-pages.view';

const FORMATS: ReportFormat[] = ['pdf', 'csv', 'json'];

/**
 * "Mine rapporter" (own municipality), "Landsresultater" (everyone) and KL's usage page. The
 * browser has a session cookie, not a token, so downloads go through these routes too; access
 * rules and download counting are the reports service's, as for the API.
 */
@ApiExcludeController()
@Controller()
@UseGuards(WebSessionGuard, WebRolesGuard)
export class ReportPagesController {
  constructor(
    private readonly reports: ReportsService,
    private readonly editions: EditionsService,
    private readonly webUsers: WebUserService,
    private readonly csrf: CsrfService,
  ) {}

  private async published(p: UserPrincipal) {
    return this.reports.editionsWithReports(p);
  }

  @Get('rapporter')
  @WebRoles('municipality_officer')
  async mine(@CurrentPrincipal() p: UserPrincipal, @Req() req: Request, @Res() res: Response) {
    const user = await this.webUsers.pageUser(p);
    res.type('html').send(reportListView(user, this.csrf.tokenFor(req, res), 'own', await this.published(p)));
  }

  @Get('landsresultater')
  @WebRoles(...ROLES)
  async nationalList(@CurrentPrincipal() p: UserPrincipal, @Req() req: Request, @Res() res: Response) {
    const user = await this.webUsers.pageUser(p);
    res
      .type('html')
      .send(reportListView(user, this.csrf.tokenFor(req, res), 'national', await this.published(p)));
  }

  @Get('rapporter/:id')
  @WebRoles('municipality_officer')
  async own(
    @Param('id', EditionIdPipe) id: string,
    @CurrentPrincipal() p: UserPrincipal,
    @ClientAddress() ip: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await this.reportPage(req, res, p, ip, id, 'municipality');
  }

  @Get('landsresultater/:id')
  @WebRoles(...ROLES)
  async national(
    @Param('id', EditionIdPipe) id: string,
    @CurrentPrincipal() p: UserPrincipal,
    @ClientAddress() ip: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await this.reportPage(req, res, p, ip, id, 'national');
  }

  /** The stored HTML report (a counted download) shown inside the site's own layout. */
  private async reportPage(
    req: Request,
    res: Response,
    p: UserPrincipal,
    ip: string,
    id: string,
    kind: 'municipality' | 'national',
  ) {
    const own = kind === 'municipality';
    const page = await this.reports.download(
      id,
      kind,
      own ? p.municipalityCode! : 0,
      'html',
      p,
      undefined,
      ip,
    );
    const [user, edition] = await Promise.all([this.webUsers.pageUser(p), this.editions.get(id, p)]);
    const title = own ? `Kommunerapport ${edition.year}` : `Landsresultater ${edition.year}`;
    const files = own ? `/rapporter/${id}/kommune` : `/landsresultater/${id}/national`;
    const fragment = reportFragment(page.content.toString('utf8'));
    res.type('html').send(reportView(user, this.csrf.tokenFor(req, res), title, fragment, files, FORMATS));
  }

  @Get('rapporter/:id/kommune.:format')
  @WebRoles('municipality_officer')
  async ownFile(
    @Param('id', EditionIdPipe) id: string,
    @Param('format') format: string,
    @CurrentPrincipal() p: UserPrincipal,
    @Headers('if-none-match') etag: string | undefined,
    @ClientAddress() ip: string,
    @Res() res: Response,
  ) {
    sendReport(
      res,
      await this.reports.download(id, 'municipality', p.municipalityCode!, this.format(format), p, etag, ip),
      true,
    );
  }

  @Get('landsresultater/:id/national.:format')
  @WebRoles(...ROLES)
  async nationalFile(
    @Param('id', EditionIdPipe) id: string,
    @Param('format') format: string,
    @CurrentPrincipal() p: UserPrincipal,
    @Headers('if-none-match') etag: string | undefined,
    @ClientAddress() ip: string,
    @Res() res: Response,
  ) {
    sendReport(res, await this.reports.download(id, 'national', 0, this.format(format), p, etag, ip), true);
  }

  @Get('administration/brug')
  @WebRoles('kl_analyst')
  async usage(@CurrentPrincipal() p: UserPrincipal, @Req() req: Request, @Res() res: Response) {
    const user = await this.webUsers.pageUser(p);
    res.type('html').send(usageView(user, this.csrf.tokenFor(req, res), await this.reports.usage()));
  }

  private format(format: string): ReportFormat {
    if (!(FORMATS as string[]).includes(format))
      throw new NotFoundException('Rapporten findes ikke i det format');
    return format as ReportFormat;
  }
}
