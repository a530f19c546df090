import { Controller, Get, Headers, Param, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ClientAddress, CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import {
  parseReportFormat,
  reportFragment,
  ReportFormat,
  ReportsService,
  sendReport,
  splitAfterHeading,
} from '@app/reports';
import { EditionsService } from '@app/surveys';
import { ROLES } from '@app/users';
import { EditionIdPipe } from '../edition-id.pipe';
import { page } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import { SurveyPagesService } from '../survey/survey-pages.service';
import { ownReportEntries } from './own-reports';
import { ownReportListView } from './views/own-report-list.view';
import { reportListView, reportView, usageView } from './views/report-pages.view';

/** The downloads the page offers, in this order; the HTML is the page itself. */
const FORMATS: ReportFormat[] = ['pdf', 'csv', 'xlsx', 'machine.csv', 'json'];

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
    private readonly surveys: SurveyPagesService,
  ) {}

  private async published(p: UserPrincipal) {
    return this.reports.editionsWithReports(p);
  }

  /** Only the editions the municipality took part in have a report; the others say why not. */
  @Get('rapporter')
  @WebRoles('municipality_officer')
  @RendersPage()
  async mine(@CurrentPrincipal() p: UserPrincipal) {
    const [{ rows, now }, published] = await Promise.all([this.surveys.overview(p), this.published(p)]);
    const entries = ownReportEntries(rows, new Set(published.map((e) => e.id)), now);
    return page(({ user, csrfToken }) => ownReportListView(user!, csrfToken, entries));
  }

  @Get('landsresultater')
  @WebRoles(...ROLES)
  @RendersPage()
  async nationalList(@CurrentPrincipal() p: UserPrincipal) {
    const editions = await this.published(p);
    return page(({ user, csrfToken }) => reportListView(user!, csrfToken, editions));
  }

  @Get('rapporter/:id')
  @WebRoles('municipality_officer')
  @RendersPage()
  async own(
    @Param('id', EditionIdPipe) id: string,
    @CurrentPrincipal() p: UserPrincipal,
    @ClientAddress() ip: string,
  ) {
    return this.reportPage(p, ip, id, 'municipality');
  }

  @Get('landsresultater/:id')
  @WebRoles(...ROLES)
  @RendersPage()
  async national(
    @Param('id', EditionIdPipe) id: string,
    @CurrentPrincipal() p: UserPrincipal,
    @ClientAddress() ip: string,
  ) {
    return this.reportPage(p, ip, id, 'national');
  }

  /** The stored HTML report (a counted download) shown inside the site's own layout. */
  private async reportPage(p: UserPrincipal, ip: string, id: string, kind: 'municipality' | 'national') {
    const own = kind === 'municipality';
    const stored = await this.reports.download(
      id,
      kind,
      own ? p.municipalityCode! : 0,
      'html',
      p,
      undefined,
      ip,
    );
    const edition = await this.editions.get(id, p);
    const title = own ? `Kommunerapport ${edition.year}` : `Landsresultater ${edition.year}`;
    const files = own ? `/rapporter/${id}/kommune` : `/landsresultater/${id}/national`;
    const parts = splitAfterHeading(reportFragment(stored.content.toString('utf8')));
    return page(({ user, csrfToken }) => reportView(user!, csrfToken, title, parts, files, FORMATS));
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
      await this.reports.download(
        id,
        'municipality',
        p.municipalityCode!,
        parseReportFormat(format),
        p,
        etag,
        ip,
      ),
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
    sendReport(
      res,
      await this.reports.download(id, 'national', 0, parseReportFormat(format), p, etag, ip),
      true,
    );
  }

  @Get('administration/brug')
  @WebRoles('kl_analyst')
  @RendersPage()
  async usage() {
    const usage = await this.reports.usage();
    return page(({ user, csrfToken }) => usageView(user!, csrfToken, usage));
  }
}
