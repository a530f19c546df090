import {
  Body,
  Controller,
  Get,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AdvisoriesService, MyResponseDto } from '@app/advisories';
import { ClientAddress, CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import { Clock } from '@app/config';
import { ErrorCode, isDomainError } from '@app/http';
import { MunicipalitiesService } from '@app/municipalities';
import { DANISH_ERRORS } from '../danish-errors';
import { fieldProblems, validated } from '../incidents/service-errors';
import { page, redirect, WebResult } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import {
  advisoryFormFields,
  AdvisoryFormErrors,
  AdvisoryFormFields,
  emptyAdvisoryForm,
  formFieldOf,
  parseAdvisoryForm,
  SERVICE_PROBLEM_TEXTS,
} from './advisory-form';
import { advisoryPath } from './advisory-labels';
import { advisoryFormView } from './views/advisory-form.view';
import { advisoryListView } from './views/advisory-list.view';
import { AdvisoryFormProblem, advisoryPageView } from './views/advisory-page.view';

type Form = Record<string, unknown>;

const NOTICES: Record<string, string> = {
  sendt: 'Varslet er sendt. Kommunernes sikkerhedskoordinatorer får besked.',
  svar: 'Kommunens svar er gemt. KommuneCERT kan se det.',
  tilbagetrukket: 'Varslet er trukket tilbage. Modtagerne får besked.',
};

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const isCert = (p: UserPrincipal) => p.role === 'cert_analyst';

/**
 * The advisory pages (varsler): KommuneCERT writes them and follows the answers; a municipality's
 * officer reads those sent to it and answers. Opening one marks it read for the municipality.
 */
@ApiExcludeController()
@Controller('varsler')
@UseGuards(WebSessionGuard, WebRolesGuard)
@WebRoles('municipality_officer', 'cert_analyst')
export class AdvisoryPagesController {
  constructor(
    private readonly advisories: AdvisoriesService,
    private readonly municipalities: MunicipalitiesService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @RendersPage()
  async list(@CurrentPrincipal() principal: UserPrincipal) {
    const list = await this.advisories.list(principal, 100, 0);
    const now = this.clock.now();
    return page(({ user, csrfToken }) =>
      advisoryListView({ user: user!, csrfToken, cert: isCert(principal), list, now }),
    );
  }

  @Get('ny')
  @WebRoles('cert_analyst')
  @RendersPage()
  form() {
    return this.renderForm(emptyAdvisoryForm(), {}, HttpStatus.OK);
  }

  @Post('ny')
  @WebRoles('cert_analyst')
  @RendersPage()
  async create(
    @Body() body: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ): Promise<WebResult> {
    const fields = advisoryFormFields(body);
    const parsed = parseAdvisoryForm(fields, this.clock.now());
    if (!parsed.ok) return this.renderForm(fields, parsed.errors);
    try {
      const advisory = await this.advisories.create(principal, await validated(parsed.dto), address);
      return redirect(`${advisoryPath(advisory.id)}?besked=sendt`);
    } catch (e) {
      const problems = fieldProblems(e);
      if (!problems) throw e;
      // The service names what only it knows (an unknown municipality): said beside the field.
      const errors: AdvisoryFormErrors = {};
      for (const [field, text] of Object.entries(problems)) {
        const formField = formFieldOf(field);
        if (formField) errors[formField] ??= SERVICE_PROBLEM_TEXTS[formField] ?? text;
      }
      if (Object.keys(errors).length === 0) throw e;
      return this.renderForm(fields, errors);
    }
  }

  @Get(':id')
  @RendersPage()
  async advisory(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('besked') notice: unknown,
    @CurrentPrincipal() principal: UserPrincipal,
  ) {
    await this.advisories.markRead(principal, id);
    return this.render(principal, id, HttpStatus.OK, {
      notice: typeof notice === 'string' ? (NOTICES[notice] ?? null) : null,
    });
  }

  @Post(':id/svar')
  @WebRoles('municipality_officer')
  @RendersPage()
  async answer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ): Promise<WebResult> {
    const values = { status: text(form.status), comment: text(form.comment) };
    if (!values.status)
      return this.refuse(principal, id, {
        form: 'svar',
        errors: { status: 'Vælg kommunens status.' },
        values,
      });
    return this.attempt(principal, id, 'svar', values, async () => {
      const dto = Object.assign(new MyResponseDto(), {
        status: values.status,
        comment: values.comment.trim() || undefined,
      }) as MyResponseDto;
      await this.advisories.respond(principal, id, await validated(dto), address);
    });
  }

  @Post(':id/tilbagetraek')
  @WebRoles('cert_analyst')
  @RendersPage()
  async withdraw(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: Form,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ): Promise<WebResult> {
    const values = { reason: text(form.reason) };
    if (!values.reason.trim())
      return this.refuse(principal, id, {
        form: 'tilbagetraek',
        errors: { reason: 'Skriv, hvorfor varslet trækkes tilbage.' },
        values,
      });
    return this.attempt(principal, id, 'tilbagetrukket', values, async () => {
      await this.advisories.withdraw(principal, id, values.reason.slice(0, 2000), address);
    });
  }

  // ---- helpers ----

  /** Runs a change and goes back to the page with a notice; a refusal is shown on the page. */
  private async attempt(
    principal: UserPrincipal,
    id: string,
    notice: string,
    values: Record<string, string>,
    change: () => Promise<void>,
  ): Promise<WebResult> {
    try {
      await change();
      return redirect(`${advisoryPath(id)}?besked=${notice}`);
    } catch (e) {
      if (isDomainError(e, ErrorCode.ADVISORY_WITHDRAWN)) {
        return this.render(principal, id, HttpStatus.CONFLICT, {
          conflict: DANISH_ERRORS[e.code].text as string,
        });
      }
      const problems = fieldProblems(e);
      if (!problems) throw e;
      const form = notice === 'svar' ? 'svar' : 'tilbagetraek';
      return this.refuse(principal, id, { form, errors: problems, values });
    }
  }

  private refuse(principal: UserPrincipal, id: string, problem: AdvisoryFormProblem): Promise<WebResult> {
    return this.render(principal, id, HttpStatus.UNPROCESSABLE_ENTITY, { problem });
  }

  private async render(
    principal: UserPrincipal,
    id: string,
    status: number,
    extra: { notice?: string | null; conflict?: string | null; problem?: AdvisoryFormProblem },
  ): Promise<WebResult> {
    const [advisory, responses] = await Promise.all([
      this.advisories.get(principal, id),
      isCert(principal) ? this.advisories.responses(principal, id) : null,
    ]);
    const now = this.clock.now();
    return page(
      ({ user, csrfToken }) =>
        advisoryPageView({ user: user!, csrfToken, advisory, responses, now, ...extra }),
      status,
    );
  }

  private async renderForm(
    fields: AdvisoryFormFields,
    errors: AdvisoryFormErrors,
    status = HttpStatus.UNPROCESSABLE_ENTITY,
  ): Promise<WebResult> {
    const municipalities = await this.municipalities.list();
    return page(
      ({ user, csrfToken }) => advisoryFormView({ user: user!, csrfToken, fields, errors, municipalities }),
      status,
    );
  }
}
