import {
  Body,
  Controller,
  Get,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AdminUserRow, UserAdministrationService, UserListFilter, UserState } from '@app/admin';
import { actorOf, ClientAddress, CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import { isDomainError, ErrorCode } from '@app/http';
import { MunicipalitiesService } from '@app/municipalities';
import { Role, ROLE_LABELS_DA, ROLES } from '@app/users';
import { html } from '@app/ui';
import { PathIdPipe } from '../edition-id.pipe';
import { page, redirect } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import { ConfirmFormDto, UsersFilterDto } from './dto/admin-forms.dto';
import { confirmPage } from '../confirm-page';
import { adminCrumbs } from './views/admin-components.view';
import {
  ADMIN_INVITATIONS_PATH,
  ADMIN_USERS_PATH,
  USER_ACTION_NOTICES,
  UserActionNotice,
  usersAdminView,
  UsersFilterQuery,
  usersPath,
} from './views/users-admin.view';

const STATES: readonly string[] = ['active', 'inactive', 'locked'] satisfies UserState[];

/** The page's query as filters; values the form never offers are dropped. */
function readFilter(f: UsersFilterDto): UsersFilterQuery {
  const code = Number(f.kommune);
  const side = Number(f.side);
  return {
    rolle: (ROLES as readonly string[]).includes(f.rolle ?? '') ? (f.rolle as Role) : undefined,
    kommune: Number.isInteger(code) && code >= 100 && code <= 999 ? code : undefined,
    tilstand: STATES.includes(f.tilstand ?? '') ? (f.tilstand as UserState) : undefined,
    q: f.q?.trim() || undefined,
    side: Number.isInteger(side) && side > 1 ? side : undefined,
  };
}

const SELF_DEACTIVATION = 'Du kan ikke deaktivere din egen konto. Bed en anden administrator om det.';

const ACTIONS = ['deaktiver', 'genaktiver', 'laas-op', 'nulstil-mfa', 'send-invitation'] as const;
type UserAction = (typeof ACTIONS)[number];

/**
 * Users in the browser: the administrator all accounts, KL the municipalities' officers (the
 * service enforces it; this controller only admits the two roles). Each action has a
 * confirmation page (GET) and acts on its form (POST).
 */
@ApiExcludeController()
@Controller(ADMIN_USERS_PATH.slice(1))
@UseGuards(WebSessionGuard, WebRolesGuard)
@WebRoles('platform_admin', 'kl_analyst')
export class UserAdminPagesController {
  constructor(
    private readonly admin: UserAdministrationService,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  @Get()
  @RendersPage()
  async list(@Query() filter: UsersFilterDto, @CurrentPrincipal() principal: UserPrincipal) {
    const query = readFilter(filter);
    const listFilter: UserListFilter = {
      role: query.rolle,
      municipalityCode: query.kommune,
      state: query.tilstand,
      text: query.q,
      page: query.side ?? 1,
    };
    const list = await this.admin.list(principal, listFilter);
    const municipalities = (await this.municipalities.list()).map((m) => ({ code: m.code, name: m.name }));
    const notice =
      filter.besked && filter.besked in USER_ACTION_NOTICES ? (filter.besked as UserActionNotice) : undefined;
    return page(({ user, csrfToken }) =>
      usersAdminView({
        user: user!,
        csrfToken,
        list,
        query,
        roles: list.roles,
        municipalities,
        notice,
      }),
    );
  }

  @Get(':id/:action')
  @RendersPage()
  async confirmPage(
    @Param('id', PathIdPipe) id: string,
    @Param('action') action: string,
    @CurrentPrincipal() principal: UserPrincipal,
  ) {
    return this.confirm(principal, await this.admin.get(principal, id), asAction(action), HttpStatus.OK);
  }

  @Post(':id/:action')
  @RendersPage()
  async act(
    @Param('id', PathIdPipe) id: string,
    @Param('action') action: string,
    @Body() _form: ConfirmFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const what = asAction(action);
    const actor = actorOf(principal, address);
    let notice: UserActionNotice;
    try {
      if (what === 'deaktiver') {
        await this.admin.deactivate(principal, id, actor);
        notice = 'deaktiveret';
      } else if (what === 'genaktiver') {
        await this.admin.reactivate(principal, id, actor);
        notice = 'genaktiveret';
      } else if (what === 'nulstil-mfa') {
        await this.admin.resetMfa(principal, id, actor);
        notice = 'mfa-nulstillet';
      } else if (what === 'send-invitation') {
        // Its form posts to the invitations page, which shows the new link when there is no SMTP.
        throw new NotFoundException('Resend is posted to the invitations page');
      } else {
        notice = (await this.admin.unlock(principal, id, actor)) ? 'laast-op' : 'ikke-laast';
      }
    } catch (e) {
      if (!isDomainError(e, ErrorCode.USER_SELF_DEACTIVATION)) throw e;
      const target = await this.admin.get(principal, id);
      return this.confirm(principal, target, what, HttpStatus.CONFLICT, SELF_DEACTIVATION);
    }
    return redirect(usersPath({}) + `?besked=${notice}`);
  }

  private confirm(
    principal: UserPrincipal,
    target: AdminUserRow,
    action: UserAction,
    status: number,
    error?: string,
  ) {
    const name = target.displayName;
    const who = html`<strong>${name}</strong> (${target.email}, ${ROLE_LABELS_DA[target.role]})`;
    const texts: Record<UserAction, { heading: string; text: ReturnType<typeof html>; submit: string }> = {
      deaktiver: {
        heading: `Deaktivér ${name}?`,
        text: html`<p>
            ${who} kan ikke længere logge ind, og alle brugerens sessioner afsluttes med det samme.
          </p>
          <p>Brugerens data bevares, og du kan genaktivere brugeren senere.</p>`,
        submit: 'Deaktivér brugeren',
      },
      genaktiver: {
        heading: `Genaktivér ${name}?`,
        text: html`<p>${who} kan igen logge ind med sin adgangskode.</p>`,
        submit: 'Genaktivér brugeren',
      },
      'laas-op': {
        heading: `Lås ${name} op?`,
        text: html`<p>
            ${who} er låst efter for mange mislykkede forsøg på at logge
            ind${target.lockedUntil ? '' : ' (lige nu er brugeren ikke låst)'}. Når du låser op, kan brugeren
            logge ind med det samme.
          </p>
          <p>
            Lås kun op, hvis du har talt med brugeren: forsøgene kan komme fra en, der gætter adgangskoden.
          </p>`,
        submit: 'Lås brugeren op',
      },
      'nulstil-mfa': {
        heading: `Nulstil totrinsbekræftelse for ${name}?`,
        text: html`<p>
            ${who} mister sin godkendelsesapp, sine gendannelseskoder og sine passkeys, og alle brugerens
            sessioner afsluttes med det samme.
          </p>
          <p>
            Nulstil kun, hvis du har talt med brugeren og er sikker på, at det er vedkommende. Kræver rollen
            totrinsbekræftelse, sætter brugeren den op igen ved næste login.
          </p>`,
        submit: 'Nulstil totrinsbekræftelse',
      },
      'send-invitation': {
        heading: `Send invitationen til ${name} igen?`,
        text: html`<p>
          ${who} får et nyt link til at vælge sin adgangskode. Det gamle link holder op med at virke.
        </p>`,
        submit: 'Send invitation igen',
      },
    };
    const t = texts[action];
    const blocked = action === 'deaktiver' && target.id === principal.id;
    return confirmPage(
      {
        crumbs: adminCrumbs({ text: 'Brugere', href: ADMIN_USERS_PATH }),
        heading: t.heading,
        consequences: t.text,
        action:
          action === 'send-invitation'
            ? `${ADMIN_INVITATIONS_PATH}/${target.id}/gensend`
            : `${ADMIN_USERS_PATH}/${target.id}/${action}`,
        submitLabel: t.submit,
        destructive: action === 'deaktiver' || action === 'nulstil-mfa',
        back: ADMIN_USERS_PATH,
        error: blocked ? SELF_DEACTIVATION : error,
        blocked,
      },
      blocked ? HttpStatus.CONFLICT : status,
    );
  }
}

/** An action the page does not know is a page that does not exist. */
function asAction(action: string): UserAction {
  if ((ACTIONS as readonly string[]).includes(action)) return action as UserAction;
  throw new NotFoundException(`No user action ${action}`);
}
