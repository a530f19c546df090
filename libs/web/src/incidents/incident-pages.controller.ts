import {
  Body,
  Controller,
  Get,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UploadedFile,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ClientAddress, CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import { Clock } from '@app/config';
import {
  AddCommentDto,
  IncidentsService,
  MAX_ATTACHMENT_BYTES,
  StaleIncidentVersionException,
  SubmitObligationDto,
  TransitionDto,
  UpdateIncidentDto,
  type IncidentStatus,
  type UploadedFile as IncomingFile,
} from '@app/incidents';
import { CsrfService } from '../csrf.service';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import { AttachmentTooLargeFilter } from './attachment-too-large.filter';
import { IncidentPagesService } from './incident-pages.service';
import { queueFilters } from './queue-filters';
import {
  copenhagenInstant,
  emptyReportForm,
  isoWithOffset,
  parseReportForm,
  reportFormFields,
} from './report-form';
import { fieldProblems, isConflict, validated } from './service-errors';
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

const STALE =
  'Nogen har ændret hændelsen, siden du åbnede siden. Din ændring er ikke gemt. Siden viser nu hændelsen, som den er; foretag ændringen igen, hvis den stadig er relevant.';

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
    private readonly csrf: CsrfService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentPrincipal() principal: UserPrincipal,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const model = await this.pages.list(principal, queueFilters(query));
    res.type('html').send(incidentListView({ ...model, csrfToken: this.csrf.tokenFor(req, res) }));
  }

  @Get('ny')
  @WebRoles('municipality_officer')
  async reportForm(@CurrentPrincipal() principal: UserPrincipal, @Req() req: Request, @Res() res: Response) {
    const user = await this.pages.user(principal);
    res.type('html').send(
      incidentReportView({
        user,
        csrfToken: this.csrf.tokenFor(req, res),
        fields: emptyReportForm(randomUUID()),
      }),
    );
  }

  @Post('ny')
  @WebRoles('municipality_officer')
  async report(
    @Body() form: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
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
        return res.redirect(303, `${incidentPath(incident.id)}?besked=anmeldt`);
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
    const user = await this.pages.user(principal);
    res
      .status(HttpStatus.UNPROCESSABLE_ENTITY)
      .type('html')
      .send(
        incidentReportView({ user, csrfToken: this.csrf.tokenFor(req, res), fields, errors: errors ?? {} }),
      );
  }

  @Get(':id')
  async incident(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('besked') notice: unknown,
    @Query('fejl') error: unknown,
    @CurrentPrincipal() principal: UserPrincipal,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    res.setHeader('Cache-Control', 'no-store');
    await this.render(principal, id, req, res, HttpStatus.OK, {
      notice: typeof notice === 'string' ? (NOTICES[notice] ?? null) : null,
      ...(error === 'bilag-for-stort'
        ? { problem: { form: 'bilag', errors: { file: 'Filen er større end 10 MB.' }, values: {} } }
        : {}),
    });
  }

  @Post(':id/kommentarer')
  async comment(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    const body = text(form.body).trim();
    if (!body)
      return this.refuse(principal, id, req, res, 'kommentar', form, { body: 'Skriv en kommentar.' });
    return this.attempt(principal, id, req, res, 'kommentar', form, async () => {
      const dto = Object.assign(new AddCommentDto(), {
        body,
        internal: principal.role === 'cert_analyst' && text(form.internal) === '1',
      });
      await this.incidents.addComment(principal, id, await validated(dto), address);
    });
  }

  @Post(':id/bilag')
  @UseFilters(AttachmentTooLargeFilter)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }))
  async attach(
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: IncomingFile | undefined,
    @Body() form: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    if (!file || file.size === 0)
      return this.refuse(principal, id, req, res, 'bilag', form, { file: 'Vælg en fil.' });
    return this.attempt(principal, id, req, res, 'bilag', form, async () => {
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
    @Res({ passthrough: true }) res: Response,
  ) {
    const a = await this.incidents.attachment(principal, id, attachmentId);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(a.content, {
      type: a.mediaType,
      disposition: `attachment; filename="${a.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`,
      length: a.content.length,
    });
  }

  @Post(':id/frister/:kind')
  async submitObligation(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('kind') kind: string,
    @Body() form: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    const formName = `frist-${kind}`;
    const at = copenhagenInstant(text(form.submittedDate).trim(), text(form.submittedTime).trim());
    if (!at) {
      return this.refuse(principal, id, req, res, formName, form, {
        submittedAt: 'Skriv dato og klokkeslæt for indsendelsen.',
      });
    }
    return this.attempt(
      principal,
      id,
      req,
      res,
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
  async triage(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    const [rsitClass, rsitType] = text(form.rsit).split('/');
    const dto = Object.assign(new UpdateIncidentDto(), {
      version: version(form),
      rsitClass: rsitClass || undefined,
      rsitType: rsitType || undefined,
      severity: text(form.severity) || undefined,
      tlp: text(form.tlp) || undefined,
      nis2Significant: text(form.nis2Significant) || undefined,
    }) as UpdateIncidentDto;
    return this.attempt(principal, id, req, res, 'vurdering', form, async () => {
      await this.incidents.update(principal, id, await validated(dto), address);
    });
  }

  @Post(':id/tildeling')
  @WebRoles('cert_analyst')
  async assign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    const assigneeId = text(form.assignSelf) === '1' ? principal.id : text(form.assigneeId) || null;
    if (assigneeId && !/^[0-9a-f-]{36}$/i.test(assigneeId)) {
      return this.refuse(principal, id, req, res, 'tildeling', form, {
        assigneeId: 'Vælg en aktiv KommuneCERT-analytiker.',
      });
    }
    return this.attempt(principal, id, req, res, 'tildeling', form, async () => {
      const dto = Object.assign(new UpdateIncidentDto(), { version: version(form), assigneeId });
      await this.incidents.update(principal, id, await validated(dto), address);
    });
  }

  @Post(':id/status')
  @WebRoles('cert_analyst')
  async transition(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    const to = text(form.to) as IncidentStatus;
    if (!to) return this.refuse(principal, id, req, res, 'status', form, { to: 'Vælg den nye status.' });
    return this.attempt(principal, id, req, res, 'status', form, async () => {
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
   * its field; a stale version or a refused transition shows the incident as it is now, unchanged.
   */
  private async attempt(
    principal: UserPrincipal,
    id: string,
    req: Request,
    res: Response,
    form: string,
    values: Form,
    change: () => Promise<void>,
    notice = form,
  ) {
    try {
      await change();
      return res.redirect(303, `${incidentPath(id)}?besked=${notice}`);
    } catch (e) {
      if (isConflict(e)) {
        const conflict =
          e instanceof StaleIncidentVersionException
            ? STALE
            : 'Ændringen er ikke tilladt for hændelsen, som den er nu. Siden viser den nuværende status og de tilladte skift.';
        return this.render(principal, id, req, res, HttpStatus.CONFLICT, { conflict });
      }
      const problems = fieldProblems(e);
      if (!problems) throw e;
      return this.refuse(principal, id, req, res, form, values, problems);
    }
  }

  private refuse(
    principal: UserPrincipal,
    id: string,
    req: Request,
    res: Response,
    form: string,
    values: Form,
    errors: Record<string, string>,
  ) {
    const problem: FormProblem = { form, errors, values: strings(values) };
    return this.render(principal, id, req, res, HttpStatus.UNPROCESSABLE_ENTITY, { problem });
  }

  private async render(
    principal: UserPrincipal,
    id: string,
    req: Request,
    res: Response,
    status: number,
    extra: { notice?: string | null; conflict?: string | null; problem?: FormProblem },
  ) {
    const model = await this.pages.page(principal, id);
    res
      .status(status)
      .type('html')
      .send(incidentPageView({ ...model, ...extra, csrfToken: this.csrf.tokenFor(req, res) }));
  }
}
