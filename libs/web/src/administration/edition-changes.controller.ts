import { Body, Controller, Get, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { actorOf, ClientAddress, CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import { AppConfigService, Clock } from '@app/config';
import { ErrorCode, isDomainError, toErrorBody } from '@app/http';
import { ParticipationService } from '@app/responses';
import {
  Edition,
  EditionChangeKind,
  EditionsService,
  requireChangeAllowed,
  SmallEditionException,
} from '@app/surveys';
import { EditionIdPipe } from '../edition-id.pipe';
import { page, redirect } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import {
  EditEditionFormDto,
  EditionActionFormDto,
  PublishEditionFormDto,
  ReasonFormDto,
} from './dto/edition-forms.dto';
import {
  editEditionFormOf,
  EditEditionFormState,
  EditionAction,
  editionActionError,
  readEditEditionForm,
} from './edition-forms';
import { editionConfirmView, EditionConfirmModel, ReasonField } from './views/edition-confirm.view';
import {
  closeConsequences,
  deleteConsequences,
  publishConsequences,
  withdrawConsequences,
} from './views/edition-consequences.view';
import { editionEditView } from './views/edition-edit.view';
import { ADMIN_EDITIONS_PATH } from './views/editions-admin.view';

const REASON_MAX = 2000;

interface ConfirmExtras {
  reason?: string;
  reasonError?: string;
}

/**
 * KL's changes that cannot be undone by a click: closing, publishing, withdrawing a publication and
 * deleting a draft each show a page with the consequences first (GET), and act only on its form
 * (POST). Also the edit form for a draft's or an open edition's title and deadline.
 */
@ApiExcludeController()
@Controller(ADMIN_EDITIONS_PATH.slice(1))
@UseGuards(WebSessionGuard, WebRolesGuard)
@WebRoles('kl_analyst')
export class EditionChangesController {
  constructor(
    private readonly editions: EditionsService,
    private readonly participation: ParticipationService,
    private readonly config: AppConfigService,
    private readonly clock: Clock,
  ) {}

  @Get(':id/luk')
  @RendersPage()
  closePage(@Param('id', EditionIdPipe) id: string, @CurrentPrincipal() principal: UserPrincipal) {
    return this.confirmClose(principal, id, HttpStatus.OK, {});
  }

  @Post(':id/luk')
  @RendersPage()
  async close(
    @Param('id', EditionIdPipe) id: string,
    @Body() form: ReasonFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const reason = (form.reason ?? '').trim();
    if (reason.length > REASON_MAX) {
      return this.confirmClose(principal, id, HttpStatus.UNPROCESSABLE_ENTITY, {
        reason,
        reasonError: `Begrundelsen må højst være på ${REASON_MAX} tegn.`,
      });
    }
    try {
      await this.editions.close(id, actorOf(principal, address), { reason: reason || undefined });
    } catch (e) {
      if (isDomainError(e, ErrorCode.EDITION_CLOSE_REASON_REQUIRED)) {
        return this.confirmClose(principal, id, HttpStatus.UNPROCESSABLE_ENTITY, {
          reasonError: 'Skriv, hvorfor udgaven lukkes før svarfristen.',
        });
      }
      return this.refused('close', e, (status) => this.confirmClose(principal, id, status, {}));
    }
    return redirect(`${ADMIN_EDITIONS_PATH}?besked=lukket`);
  }

  @Get(':id/offentliggoer')
  @RendersPage()
  publishPage(@Param('id', EditionIdPipe) id: string, @CurrentPrincipal() principal: UserPrincipal) {
    return this.confirmPublish(principal, id, HttpStatus.OK, {});
  }

  /** An edition with fewer than K participants is published only after KL confirms the warning. */
  @Post(':id/offentliggoer')
  @RendersPage()
  async publish(
    @Param('id', EditionIdPipe) id: string,
    @Body() form: PublishEditionFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const confirmSmallEdition = form.confirmSmallEdition === 'ja';
    try {
      await this.editions.publish(id, actorOf(principal, address), { confirmSmallEdition });
    } catch (e) {
      // The count changed since the page was shown: show it again, with the warning.
      if (e instanceof SmallEditionException)
        return this.confirmPublish(principal, id, HttpStatus.CONFLICT, {});
      return this.refused('publish', e, (status) => this.confirmPublish(principal, id, status, {}));
    }
    return redirect(`${ADMIN_EDITIONS_PATH}?besked=offentliggjort`);
  }

  @Get(':id/tilbagetraek')
  @RendersPage()
  withdrawPage(@Param('id', EditionIdPipe) id: string, @CurrentPrincipal() principal: UserPrincipal) {
    return this.confirmWithdraw(principal, id, HttpStatus.OK, {});
  }

  @Post(':id/tilbagetraek')
  @RendersPage()
  async withdraw(
    @Param('id', EditionIdPipe) id: string,
    @Body() form: ReasonFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const reason = (form.reason ?? '').trim();
    const reasonError =
      reason === ''
        ? 'Skriv, hvorfor offentliggørelsen trækkes tilbage.'
        : reason.length > REASON_MAX
          ? `Begrundelsen må højst være på ${REASON_MAX} tegn.`
          : undefined;
    if (reasonError) {
      return this.confirmWithdraw(principal, id, HttpStatus.UNPROCESSABLE_ENTITY, { reason, reasonError });
    }
    try {
      await this.editions.withdrawPublication(id, reason, actorOf(principal, address));
    } catch (e) {
      return this.refused('withdraw', e, (status) => this.confirmWithdraw(principal, id, status, {}));
    }
    return redirect(`${ADMIN_EDITIONS_PATH}?besked=trukket-tilbage`);
  }

  @Get(':id/slet')
  @RendersPage()
  deletePage(@Param('id', EditionIdPipe) id: string, @CurrentPrincipal() principal: UserPrincipal) {
    return this.confirmDelete(principal, id, HttpStatus.OK, {});
  }

  @Post(':id/slet')
  @RendersPage()
  async delete(
    @Param('id', EditionIdPipe) id: string,
    @Body() _form: EditionActionFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    try {
      await this.editions.delete(id, actorOf(principal, address));
    } catch (e) {
      return this.refused('delete', e, (status) => this.confirmDelete(principal, id, status, {}));
    }
    return redirect(`${ADMIN_EDITIONS_PATH}?besked=slettet`);
  }

  @Get(':id/rediger')
  @RendersPage()
  async editPage(@Param('id', EditionIdPipe) id: string, @CurrentPrincipal() principal: UserPrincipal) {
    const edition = await this.editions.get(id, principal);
    const blocked = blockedBy('edit', edition);
    return this.editForm(
      edition,
      editEditionFormOf(edition),
      blocked ? HttpStatus.CONFLICT : HttpStatus.OK,
      blocked,
    );
  }

  @Post(':id/rediger')
  @RendersPage()
  async edit(
    @Param('id', EditionIdPipe) id: string,
    @Body() form: EditEditionFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const edition = await this.editions.get(id, principal);
    const read = readEditEditionForm(form, edition);
    if (!read.ok) return this.editForm(edition, read.state, HttpStatus.UNPROCESSABLE_ENTITY);
    if (Object.keys(read.dto).length > 0) {
      try {
        await this.editions.update(id, read.dto, actorOf(principal, address));
      } catch (e) {
        const state = { values: { title: form.title ?? '', closesAt: form.closesAt ?? '' }, errors: {} };
        if (isDomainError(e, ErrorCode.EDITION_DEADLINE_IN_PAST)) {
          const errors = { closesAt: 'Svarfristen skal ligge i fremtiden.' };
          return this.editForm(edition, { ...state, errors }, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        const error = editionActionError('edit', e);
        if (!error) throw e;
        return this.editForm(edition, state, toErrorBody(e).statusCode, error);
      }
    }
    return redirect(`${ADMIN_EDITIONS_PATH}?besked=rettet`);
  }

  private editForm(edition: Edition, form: EditEditionFormState, status: number, error?: string) {
    return page(
      ({ user, csrfToken }) => editionEditView({ user: user!, csrfToken, edition, form, error }),
      status,
    );
  }

  private async confirmClose(principal: UserPrincipal, id: string, status: number, extras: ConfirmExtras) {
    const edition = await this.editions.get(id, principal);
    const { summary } = await this.participation.forEdition(id);
    const early = !!edition.closesAt && edition.closesAt.getTime() > this.clock.now().getTime();
    const reason: ReasonField | undefined = early
      ? {
          required: true,
          label: 'Begrundelse for at lukke før tid',
          hint: 'Fx »Alle kommuner har indsendt«. Gemmes i revisionsloggen.',
          value: extras.reason,
          error: extras.reasonError,
        }
      : undefined;
    return this.confirm(edition, 'close', status, extras, {
      heading: `Luk ${edition.title}?`,
      consequences: closeConsequences(edition, { ...summary, early }),
      action: 'luk',
      submitLabel: 'Luk udgaven',
      destructive: true,
      reason,
    });
  }

  private async confirmPublish(principal: UserPrincipal, id: string, status: number, extras: ConfirmExtras) {
    const edition = await this.editions.get(id, principal);
    const { summary } = await this.participation.forEdition(id);
    const k = this.config.anonymityK;
    const small = summary.submitted < k;
    return this.confirm(edition, 'publish', status, extras, {
      heading: `Offentliggør ${edition.title}?`,
      consequences: publishConsequences(edition, { participants: summary.submitted, k }),
      action: 'offentliggoer',
      submitLabel: small ? 'Offentliggør alligevel' : 'Offentliggør udgaven',
      hidden: small ? { confirmSmallEdition: 'ja' } : undefined,
    });
  }

  private async confirmWithdraw(principal: UserPrincipal, id: string, status: number, extras: ConfirmExtras) {
    const edition = await this.editions.get(id, principal);
    return this.confirm(edition, 'withdraw', status, extras, {
      heading: `Træk offentliggørelsen af ${edition.title} tilbage?`,
      consequences: withdrawConsequences(edition),
      action: 'tilbagetraek',
      submitLabel: 'Træk offentliggørelsen tilbage',
      destructive: true,
      reason: {
        required: true,
        label: 'Begrundelse',
        hint: 'Fx »Fejl i tallene for region Hovedstaden«. Gemmes i revisionsloggen.',
        value: extras.reason,
        error: extras.reasonError,
      },
    });
  }

  private async confirmDelete(principal: UserPrincipal, id: string, status: number, extras: ConfirmExtras) {
    const edition = await this.editions.get(id, principal);
    const { questions } = await this.editions.storedQuestionnaire(id);
    return this.confirm(edition, 'delete', status, extras, {
      heading: `Slet kladden ${edition.title}?`,
      consequences: deleteConsequences(edition, questions.length),
      action: 'slet',
      submitLabel: 'Slet kladden',
      destructive: true,
    });
  }

  /** The confirmation page; an action the edition's status does not allow is explained, without a form. */
  private confirm(
    edition: Edition,
    action: Exclude<EditionAction, 'create' | 'open' | 'edit'>,
    status: number,
    extras: ConfirmExtras,
    model: Omit<EditionConfirmModel, 'user' | 'csrfToken' | 'edition'>,
  ) {
    const kind: Record<typeof action, EditionChangeKind> = {
      close: 'close',
      publish: 'publish',
      withdraw: 'withdrawPublication',
      delete: 'delete',
    };
    const blocked = blockedBy(kind[action], edition, action);
    return page(
      ({ user, csrfToken }) =>
        editionConfirmView({
          user: user!,
          csrfToken,
          edition,
          ...model,
          error: blocked,
          blocked: !!blocked,
        }),
      blocked ? HttpStatus.CONFLICT : status,
    );
  }

  /**
   * A refusal from the service (mostly another tab's change of status): the page again, as the
   * edition is now, which explains it in Danish; a 404 or 5xx stays an error page.
   */
  private refused(action: EditionAction, e: unknown, again: (status: number) => Promise<unknown>) {
    const { statusCode } = toErrorBody(e);
    if (!editionActionError(action, e) || statusCode === HttpStatus.NOT_FOUND) throw e;
    return again(statusCode);
  }
}

/** Why the edition's status does not allow the change, in Danish, or undefined when it does. */
function blockedBy(
  kind: EditionChangeKind,
  edition: Edition,
  action: EditionAction = 'edit',
): string | undefined {
  try {
    requireChangeAllowed(kind, edition.status);
    return undefined;
  } catch (e) {
    return editionActionError(action, e) ?? undefined;
  }
}
