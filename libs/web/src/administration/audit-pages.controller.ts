import { Body, Controller, Get, HttpStatus, Post, Query, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuditService, ChainVerification } from '@app/audit';
import { actorOf, ClientAddress, CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import { endOfDanishDay, startOfDanishDay } from '@app/ui';
import { page } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import { AuditFilterDto, ConfirmFormDto } from './dto/admin-forms.dto';
import { ADMIN_AUDIT_PATH, AuditFilterQuery, auditLogView, AuditLogModel } from './views/audit-log.view';

const PAGE_SIZE = 100;

interface ReadFilter {
  query: AuditFilterQuery;
  errors: AuditLogModel['errors'];
  from?: Date;
  to?: Date;
}

/** The page's filters; a date that is no date is explained in Danish, not refused. */
function readFilter(f: AuditFilterDto): ReadFilter {
  const side = Number(f.side);
  const query: AuditFilterQuery = {
    aktoer: f.aktoer?.trim() || undefined,
    handling: f.handling?.trim() || undefined,
    fra: f.fra?.trim() || undefined,
    til: f.til?.trim() || undefined,
    side: Number.isInteger(side) && side > 1 ? side : undefined,
  };
  const errors: ReadFilter['errors'] = {};
  const from = query.fra ? startOfDanishDay(query.fra) : null;
  const end = query.til ? endOfDanishDay(query.til) : null;
  if (query.fra && !from) errors.fra = 'Skriv datoen som åååå-mm-dd, fx 2026-01-31.';
  if (query.til && !end) errors.til = 'Skriv datoen som åååå-mm-dd, fx 2026-01-31.';
  // The day's last minute, plus that minute: the range is [from, to).
  const to = end ? new Date(end.getTime() + 60_000) : null;
  if (from && to && from >= to) errors.til = 'Til-datoen skal ligge efter fra-datoen.';
  return { query, errors, from: from ?? undefined, to: to ?? undefined };
}

/** The audit log in the browser, as the REST API's /admin/audit: platform_admin only. */
@ApiExcludeController()
@Controller(ADMIN_AUDIT_PATH.slice(1))
@UseGuards(WebSessionGuard, WebRolesGuard)
@WebRoles('platform_admin')
export class AuditPagesController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RendersPage()
  list(@Query() filter: AuditFilterDto) {
    return this.render(readFilter(filter));
  }

  /** Runs the chain check now and shows its result above the (unfiltered) log. */
  @Post('verificer')
  @RendersPage()
  async verify(
    @Body() _form: ConfirmFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const verification = await this.audit.verifyChainFor(actorOf(principal, address));
    return this.render(readFilter({}), verification);
  }

  private async render(f: ReadFilter, verification?: ChainVerification) {
    const invalid = Object.keys(f.errors).length > 0;
    const pageNo = f.query.side ?? 1;
    const { entries, total } = invalid
      ? { entries: [], total: 0 }
      : await this.audit.search({
          actor: f.query.aktoer,
          action: f.query.handling,
          from: f.from,
          to: f.to,
          offset: (pageNo - 1) * PAGE_SIZE,
          limit: PAGE_SIZE,
        });
    const actions = await this.audit.actions();
    return page(
      ({ user, csrfToken }) =>
        auditLogView({
          user: user!,
          csrfToken,
          query: f.query,
          errors: f.errors,
          actions,
          entries,
          total,
          page: pageNo,
          pageSize: PAGE_SIZE,
          verification,
        }),
      invalid ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK,
    );
  }
}
