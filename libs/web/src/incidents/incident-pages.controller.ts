import {
  Body,
  Controller,
  Get,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ClientAddress, CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import { Clock } from '@app/config';
import { ErrorCode, fieldError, isDomainError, sendFile } from '@app/http';
import {
  AddCommentDto,
  IncidentsService,
  MAX_ATTACHMENT_BYTES,
  SubmitObligationDto,
  TransitionDto,
  UpdateIncidentDto,
  type IncidentExportFormat,
  type IncidentStatus,
  type UploadedFile as IncomingFile,
} from '@app/incidents';
import { IncidentMappingService } from '@app/reports';
import { MultipartForm } from '../csrf.guard';
import { DANISH_ERRORS } from '../danish-errors';
import { page, redirect, WebResult } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import { AttachmentTooLargeFilter } from './attachment-too-large.filter';
import { IncidentPagesService } from './incident-pages.service';
import { exportQuery, queueFilters } from './queue-filters';
import {
  copenhagenInstant,
  emptyReportForm,
  isoWithOffset,
  parseReportForm,
  reportFormFields,
} from './report-form';
import { fieldProblems, validated } from './service-errors';
import { incidentPath } from './views/incident-bits.view';
import { incidentListView } from './views/incident-list.view';
import { FormProblem, incidentPageView } from './views/incident-page.view';
import { incidentReportView } from './views/incident-report.view';

type Form = Record<string, unknown>;

const NOTICES: Record<string, string> = {
  anmeldt: 'Hændelsen er anmeldt. KommuneCERT har fået besked.',
  kommentar: 'Kommentaren er tilføjet.',
  bilag: 'Bilaget er tilføjet.',
  vurdering: 'Vurderingen er gemt.',
  tildeling: 'Tildelingen er gemt.',
  status: 'Status er skiftet.',
  frist: 'Indsendelsen er registreret.',
};

/** Refusals that leave the incident as it is: the page shows it anew, with the reason on top. */
const CONFLICTS = [
  ErrorCode.INCIDENT_VERSION_CONFLICT,
  ErrorCode.TRANSITION_NOT_ALLOWED,
  ErrorCode.OBLIGATION_NOT_APPLICABLE,
];

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const strings = (form: Form): Record<string, string> =>
  Object.fromEntries(Object.entries(form).map(([k, v]) => [k, text(v)]));
const version = (form: Form) => Number.parseInt(text(form.version), 10) || 0;

/**
 * The incident log's pages: a municipality's officer lists, reports and follows its own incidents;
 * KommuneCERT works the queue and triages, assigns and moves incidents through the workflow.
 */
@ApiExcludeController()
@Controller('haendelser')
@UseGuards(WebSessionGuard, WebRolesGuard)
@WebRoles('municipality_officer', 'cert_analyst')
export class IncidentPagesController {
  constructor(
    private readonly pages: IncidentPagesService,
    private readonly incidents: IncidentsService,
    private readonly mapping: IncidentMappingService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @RendersPage()
  async list(@Query() query: Record<string, unknown>, @CurrentPrincipal() principal: UserPrincipal) {
    const model = await this.pages.list(principal, queueFilters(query));
    return page(({ user, csrfToken }) => incidentListView({ ...model, user: user!, csrfToken }));
  }

  /** KommuneCERT's download of the queue as filtered (every page), through the API's export. */
  @Get('eksport.csv')
  @WebRoles('cert_analyst')
  async exportCsv(
    @Query() query: Record<string, unknown>,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(res, await this.exportQueue(principal, query, 'csv', address));
  }

  @Get('eksport.xlsx')
  @WebRoles('cert_analyst')
  async exportXlsx(
    @Query() query: Record<string, unknown>,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(res, await this.exportQueue(principal, query, 'xlsx', address));
  }

  private exportQueue(
    principal: UserPrincipal,
    query: Record<string, unknown>,
    format: IncidentExportFormat,
    address: string,
  ) {
    return this.incidents.exportList(principal, exportQuery(queueFilters(query)), format, address);
  }

  /** KommuneCERT's yearly mapping PDF (`?aar=YYYY`, default this year), through the API's renderer. */
  @Get('kortlaegning.pdf')
  @WebRoles('cert_analyst')
  async mappingPdf(
    @Query('aar') year: unknown,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Res() res: Response,
  ): Promise<void> {
    if (year !== undefined && (typeof year !== 'string' || !/^(20\d\d|2100)$/.test(year)))
      throw fieldError('aar', 'skal være et årstal mellem 2000 og 2100, fx 2026');
    sendFile(res, await this.mapping.pdf(principal, year === undefined ? undefined : Number(year), address));
  }

  @Get('ny')
  @WebRoles('municipality_officer')
  @RendersPage()
  reportForm() {
    const fields = emptyReportForm(randomUUID());
    return page(({ user, csrfToken }) => incidentReportView({ user: user!, csrfToken, fields }));
  }

  @Post('ny')
  @WebRoles('municipality_officer')
  @RendersPage()
  async report(
    @Body() form: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ): Promise<WebResult> {
    const fields = reportFormFields(form);
    const parsed = parseReportForm(fields, this.clock.now());
    let errors = parsed.ok ? null : parsed.errors;
    if (parsed.ok) {
      try {
        const { incident } = await this.incidents.report(principal, parsed.dto, {
          idempotencyKey: parsed.idempotencyKey,
          source: 'web',
          address,
        });
        return redirect(`${incidentPath(incident.id)}?besked=anmeldt`);
      } catch (e) {
        const problems = fieldProblems(e);
        if (!problems) throw e;
        errors = {
          ...(problems.awareAt ? { awareDate: problems.awareAt } : {}),
          ...(problems.title ? { title: problems.title } : {}),
          ...(problems.description ? { description: problems.description } : {}),
          ...(Object.keys(problems).some((k) => k.startsWith('personalDataBreach'))
            ? { breachType: 'Oplysningerne om personoplysningerne er ikke gyldige.' }
            : {}),
        };
        if (Object.keys(errors).length === 0) throw e;
      }
    }
    const shown = errors ?? {};
    return page(
      ({ user, csrfToken }) => incidentReportView({ user: user!, csrfToken, fields, errors: shown }),
      HttpStatus.UNPROCESSABLE_ENTITY,
    );
  }

  @Get(':id')
  @RendersPage()
  incident(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('besked') notice: unknown,
    @Query('fejl') error: unknown,
    @CurrentPrincipal() principal: UserPrincipal,
  ) {
    return this.render(principal, id, HttpStatus.OK, {
      notice: typeof notice === 'string' ? (NOTICES[notice] ?? null) : null,
      ...(error === 'bilag-for-stort'
        ? { problem: { form: 'bilag', errors: { file: 'Filen er større end 10 MB.' }, values: {} } }
        : {}),
    });
  }

  @Post(':id/kommentarer')
  @RendersPage()
  comment(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const body = text(form.body).trim();
    if (!body) return this.refuse(principal, id, 'kommentar', form, { body: 'Skriv en kommentar.' });
    return this.attempt(principal, id, 'kommentar', form, async () => {
      const dto = Object.assign(new AddCommentDto(), {
        body,
        internal: principal.role === 'cert_analyst' && text(form.internal) === '1',
      });
      await this.incidents.addComment(principal, id, await validated(dto), address);
    });
  }

  /** A multipart form: its CSRF token is checked once multer has read the fields (see MultipartForm). */
  @Post(':id/bilag')
  @UseFilters(AttachmentTooLargeFilter)
  @RendersPage()
  @MultipartForm('file', { fileSize: MAX_ATTACHMENT_BYTES, files: 1 })
  attach(
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: IncomingFile | undefined,
    @Body() form: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    if (!file || file.size === 0) return this.refuse(principal, id, 'bilag', form, { file: 'Vælg en fil.' });
    return this.attempt(principal, id, 'bilag', form, async () => {
      await this.incidents.addAttachment(
        principal,
        id,
        file,
        { internal: principal.role === 'cert_analyst' && text(form.internal) === '1' },
        address,
      );
    });
  }

  @Get(':id/bilag/:attachmentId')
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @CurrentPrincipal() principal: UserPrincipal,
    @Res() res: Response,
  ): Promise<void> {
    const a = await this.incidents.attachment(principal, id, attachmentId);
    sendFile(res, {
      content: a.content,
      contentType: a.mediaType,
      filename: a.fileName,
      disposition: 'attachment',
    });
  }

  @Post(':id/frister/:kind')
  @RendersPage()
  submitObligation(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('kind') kind: string,
    @Body() form: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const formName = `frist-${kind}`;
    const at = copenhagenInstant(text(form.submittedDate).trim(), text(form.submittedTime).trim());
    if (!at) {
      return this.refuse(principal, id, formName, form, {
        submittedAt: 'Skriv dato og klokkeslæt for indsendelsen.',
      });
    }
    return this.attempt(
      principal,
      id,
      formName,
      form,
      async () => {
        const dto = Object.assign(new SubmitObligationDto(), {
          submittedAt: isoWithOffset(at),
          reference: text(form.reference).trim() || undefined,
          reasonForDelay: text(form.reasonForDelay).trim() || undefined,
        });
        await this.incidents.submitObligation(principal, id, kind, await validated(dto), address);
      },
      'frist',
    );
  }

  @Post(':id/vurdering')
  @WebRoles('cert_analyst')
  @RendersPage()
  triage(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const [rsitClass, rsitType] = text(form.rsit).split('/');
    const dto = Object.assign(new UpdateIncidentDto(), {
      version: version(form),
      rsitClass: rsitClass || undefined,
      rsitType: rsitType || undefined,
      severity: text(form.severity) || undefined,
      tlp: text(form.tlp) || undefined,
      nis2Significant: text(form.nis2Significant) || undefined,
    }) as UpdateIncidentDto;
    return this.attempt(principal, id, 'vurdering', form, async () => {
      await this.incidents.update(principal, id, await validated(dto), address);
    });
  }

  @Post(':id/tildeling')
  @WebRoles('cert_analyst')
  @RendersPage()
  assign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const assigneeId = text(form.assignSelf) === '1' ? principal.id : text(form.assigneeId) || null;
    if (assigneeId && !/^[0-9a-f-]{36}$/i.test(assigneeId)) {
      return this.refuse(principal, id, 'tildeling', form, {
        assigneeId: 'Vælg en aktiv KommuneCERT-analytiker.',
      });
    }
    return this.attempt(principal, id, 'tildeling', form, async () => {
      const dto = Object.assign(new UpdateIncidentDto(), { version: version(form), assigneeId });
      await this.incidents.update(principal, id, await validated(dto), address);
    });
  }

  @Post(':id/status')
  @WebRoles('cert_analyst')
  @RendersPage()
  transition(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const to = text(form.to) as IncidentStatus;
    if (!to) return this.refuse(principal, id, 'status', form, { to: 'Vælg den nye status.' });
    return this.attempt(principal, id, 'status', form, async () => {
      const dto = Object.assign(new TransitionDto(), {
        version: version(form),
        to,
        reason: text(form.reason).trim() || undefined,
        disposition: to === 'not_an_incident' ? text(form.disposition) || undefined : undefined,
        duplicateOf: to === 'duplicate' ? text(form.duplicateOf).trim() || undefined : undefined,
      });
      await this.incidents.transition(principal, id, await validated(dto), address);
    });
  }

  // ---- helpers ----

  /**
   * Runs a change and goes back to the incident page with a notice. A field problem is shown beside
   * its field; a stale version or a refused transition shows the incident as it is now, unchanged,
   * with the Danish text of the error's code.
   */
  private async attempt(
    principal: UserPrincipal,
    id: string,
    form: string,
    values: Form,
    change: () => Promise<void>,
    notice = form,
  ): Promise<WebResult> {
    try {
      await change();
      return redirect(`${incidentPath(id)}?besked=${notice}`);
    } catch (e) {
      if (isDomainError(e, ...CONFLICTS)) {
        const conflict = DANISH_ERRORS[e.code].text as string;
        return this.render(principal, id, HttpStatus.CONFLICT, { conflict });
      }
      const problems = fieldProblems(e);
      if (!problems) throw e;
      return this.refuse(principal, id, form, values, problems);
    }
  }

  private refuse(
    principal: UserPrincipal,
    id: string,
    form: string,
    values: Form,
    errors: Record<string, string>,
  ): Promise<WebResult> {
    const problem: FormProblem = { form, errors, values: strings(values) };
    return this.render(principal, id, HttpStatus.UNPROCESSABLE_ENTITY, { problem });
  }

  private async render(
    principal: UserPrincipal,
    id: string,
    status: number,
    extra: { notice?: string | null; conflict?: string | null; problem?: FormProblem },
  ): Promise<WebResult> {
    const model = await this.pages.page(principal, id);
    return page(
      ({ user, csrfToken }) => incidentPageView({ ...model, ...extra, user: user!, csrfToken }),
      status,
    );
  }
}
