import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isEmail } from 'class-validator';
import { ImportResult, InvitationsService } from '@app/accounts';
import { ClientAddress, CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import { DomainError, ErrorCode, isDomainError } from '@app/http';
import { MunicipalitiesService, parseMunicipalityCode } from '@app/municipalities';
import { Role, ROLES } from '@app/users';
import { html } from '@app/ui';
import { confirmPageView } from '../administration/views/admin-components.view';
import { danishError } from '../danish-errors';
import { page } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import { ImportFormDto, InviteFormDto } from './password-forms.dto';
import {
  INVITATIONS_PATH,
  InvitationsPageModel,
  InviteField,
  invitationsView,
} from './views/invitations.view';

/** Which form field a refused invitation is about. */
const FIELD_OF: Partial<Record<ErrorCode, InviteField>> = {
  [ErrorCode.USER_EMAIL_TAKEN]: 'email',
  [ErrorCode.MUNICIPALITY_UNKNOWN]: 'municipalityCode',
  [ErrorCode.MUNICIPALITY_REQUIRED]: 'municipalityCode',
  [ErrorCode.MUNICIPALITY_NOT_ALLOWED]: 'municipalityCode',
  [ErrorCode.INVITATION_ROLE_NOT_ALLOWED]: 'role',
};

const danish = (e: DomainError) =>
  danishError({ code: e.code, details: e.details, statusCode: 400, message: e.message }).text;

/** The minimal invitation page for the admin (any role) and KL (officers); the API does the work. */
@ApiExcludeController()
@Controller(INVITATIONS_PATH.slice(1))
@UseGuards(WebSessionGuard, WebRolesGuard)
@WebRoles('platform_admin', 'kl_analyst')
export class InvitationPagesController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  @Get()
  @RendersPage()
  async list(@CurrentPrincipal() p: UserPrincipal) {
    return this.render(p, {});
  }

  @Post()
  @RendersPage()
  async invite(
    @Body() form: InviteFormDto,
    @CurrentPrincipal() p: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const values = { ...form, email: form.email?.trim() ?? '' };
    const errors: InvitationsPageModel['errors'] = {};
    if (!isEmail(values.email)) {
      errors.email = values.email
        ? 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.'
        : 'Skriv e-mailadressen.';
    }
    if (!ROLES.includes(form.role as Role)) errors.role = 'Vælg en rolle.';
    const code = form.municipalityCode ? parseMunicipalityCode(form.municipalityCode) : null;
    if (form.municipalityCode && code === null)
      errors.municipalityCode = danish(new DomainError(ErrorCode.MUNICIPALITY_UNKNOWN, ''));
    if (Object.keys(errors).length)
      return this.render(p, { values, errors }, HttpStatus.UNPROCESSABLE_ENTITY);
    try {
      const issued = await this.invitations.invite(
        p,
        {
          email: values.email,
          role: form.role as Role,
          municipalityCode: code,
          displayName: form.displayName,
        },
        address,
      );
      return this.render(p, { issued: [issued] }, HttpStatus.CREATED);
    } catch (e) {
      if (!isDomainError(e) || !FIELD_OF[e.code]) throw e;
      return this.render(
        p,
        { values, errors: { [FIELD_OF[e.code]!]: danish(e) } },
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
  }

  /** "Tjek filen" shows every row's problems; "Inviter alle" invites all rows or, with any problem, nobody. */
  @Post('import')
  @RendersPage()
  async import(
    @Body() form: ImportFormDto,
    @CurrentPrincipal() p: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const csv = form.csv ?? '';
    const dryRun = form.dryRun !== 'false';
    try {
      const result = await this.invitations.importCsv(p, csv, dryRun, address);
      return this.render(p, { imported: result, issued: result.invited, values: dryRun ? { csv } : {} });
    } catch (e) {
      if (!isDomainError(e, ErrorCode.INVITATION_IMPORT_INVALID)) throw e;
      const rows = (e.details as { rows: ImportResult['rows'] }).rows;
      if (rows.length === 0) {
        return this.render(
          p,
          { values: { csv }, errors: { csv: 'Indsæt mindst én række (højst 2.000).' } },
          422,
        );
      }
      const imported: ImportResult = { dryRun: false, rows, valid: 0, invalid: rows.length, invited: [] };
      return this.render(p, { values: { csv }, imported }, HttpStatus.UNPROCESSABLE_ENTITY);
    }
  }

  @Post(':id/gensend')
  @RendersPage()
  async resend(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    return this.render(p, { issued: [await this.invitations.resend(p, id, address)] });
  }

  /** Revoking deactivates the account: asked on its own page first, as the other administration actions. */
  @Get(':id/tilbagekald')
  @RendersPage()
  async confirmRevoke(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: UserPrincipal) {
    const invitation = (await this.invitations.list(p)).find((i) => i.id === id && i.status !== 'revoked');
    if (!invitation) throw new DomainError(ErrorCode.INVITATION_NOT_FOUND, 'No open invitation with this id');
    return page(({ user, csrfToken }) =>
      confirmPageView({
        user: user!,
        csrfToken,
        crumbs: [
          { text: 'Forside', href: '/' },
          { text: 'Administration', href: '/administration' },
          { text: 'Invitationer', href: INVITATIONS_PATH },
        ],
        heading: `Tilbagekald invitationen til ${invitation.email}?`,
        consequences: html`<p>
          Linket i invitationen holder op med at virke, og kontoen deaktiveres, så ingen kan logge ind med
          den. Du kan sende invitationen igen senere; så bliver kontoen aktiv med et nyt link.
        </p>`,
        action: `${INVITATIONS_PATH}/${id}/tilbagekald`,
        submitLabel: 'Tilbagekald invitationen',
        destructive: true,
        back: INVITATIONS_PATH,
      }),
    );
  }

  @Post(':id/tilbagekald')
  @RendersPage()
  async revoke(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const revoked = await this.invitations.revoke(p, id, address);
    return this.render(p, { notice: `Invitationen til ${revoked.email} er tilbagekaldt.` });
  }

  private async render(
    p: UserPrincipal,
    state: Omit<InvitationsPageModel, 'user' | 'csrfToken' | 'invitations' | 'roles' | 'municipalities'>,
    status?: number,
  ) {
    const [invitations, municipalities] = await Promise.all([
      this.invitations.list(p),
      this.municipalities.list(),
    ]);
    const roles = this.invitations.invitableRoles(p);
    return page(
      ({ user, csrfToken }) =>
        invitationsView({ user: user!, csrfToken, invitations, roles, municipalities, ...state }),
      status,
    );
  }
}
