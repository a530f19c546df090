import { Body, Controller, Get, HttpStatus, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { actorOf, ClientAddress, CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import { toErrorBody } from '@app/http';
import { EditionsService } from '@app/surveys';
import { endOfDanishDay } from '@app/ui';
import { EditionIdPipe } from '../edition-id.pipe';
import { page, redirect } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import { CreateEditionFormDto, OpenEditionFormDto } from './dto/edition-forms.dto';
import {
  CreateEditionFormState,
  EditionAction,
  editionActionError,
  readCreateEditionForm,
} from './edition-forms';
import { ADMIN_EDITIONS_PATH, editionsAdminView } from './views/editions-admin.view';

interface ListExtras {
  done?: string;
  error?: string;
  createForm?: CreateEditionFormState;
}

/**
 * KL's pages: editions, creating and opening them, and participation per municipality (never
 * answers). Closing, publishing, withdrawing and deleting ask first: `EditionChangesController`.
 */
@ApiExcludeController()
@Controller(ADMIN_EDITIONS_PATH.slice(1))
@UseGuards(WebSessionGuard, WebRolesGuard)
@WebRoles('kl_analyst')
export class EditionsAdminController {
  constructor(private readonly editions: EditionsService) {}

  @Get()
  @RendersPage()
  list(@Query('besked') done: string | undefined, @CurrentPrincipal() principal: UserPrincipal) {
    return this.listPage(principal, HttpStatus.OK, { done });
  }

  @Post()
  @RendersPage()
  async create(
    @Body() form: CreateEditionFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const read = readCreateEditionForm(form);
    if (!read.ok) {
      return this.listPage(principal, HttpStatus.UNPROCESSABLE_ENTITY, { createForm: read.state });
    }
    try {
      await this.editions.create(read.dto, actorOf(principal, address));
    } catch (e) {
      return this.refused(principal, 'create', e, read.dto.year, {
        values: { year: String(read.dto.year), title: read.dto.title, copyFrom: read.dto.copyFrom ?? '' },
        errors: {},
      });
    }
    return redirect(`${ADMIN_EDITIONS_PATH}?besked=oprettet`);
  }

  @Post(':id/aabn')
  @RendersPage()
  async open(
    @Param('id', EditionIdPipe) id: string,
    @Body() form: OpenEditionFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const closesAt = endOfDanishDay(form.closesAt ?? '');
    if (!closesAt) {
      return this.listPage(principal, HttpStatus.UNPROCESSABLE_ENTITY, {
        error: 'Vælg en dato som svarfrist.',
      });
    }
    return this.lifecycle(principal, 'open', 'aabnet', () =>
      this.editions.open(id, closesAt, actorOf(principal, address)),
    );
  }

  /** Runs one lifecycle change, then back to the list with a notice, or the refusal as an alert. */
  private async lifecycle(
    principal: UserPrincipal,
    action: EditionAction,
    notice: string,
    change: () => Promise<unknown>,
  ) {
    try {
      await change();
    } catch (e) {
      return this.refused(principal, action, e);
    }
    return redirect(`${ADMIN_EDITIONS_PATH}?besked=${notice}`);
  }

  /** A 409/422 from the service becomes a Danish alert on the list; anything else stays an error. */
  private refused(
    principal: UserPrincipal,
    action: EditionAction,
    e: unknown,
    year?: number,
    createForm?: CreateEditionFormState,
  ) {
    const error = editionActionError(action, e, year);
    if (!error) throw e;
    return this.listPage(principal, toErrorBody(e).statusCode, { error, createForm });
  }

  private async listPage(principal: UserPrincipal, status: number, extra: ListExtras) {
    const editions = await this.editions.list(principal);
    return page(
      ({ user, csrfToken }) => editionsAdminView({ user: user!, csrfToken, editions, ...extra }),
      status,
    );
  }
}
