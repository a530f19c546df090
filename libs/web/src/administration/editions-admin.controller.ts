import { Body, Controller, Get, HttpStatus, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { actorOf, ClientAddress, CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import { ParticipationService } from '@app/responses';
import { EditionsService, SmallEditionException } from '@app/surveys';
import { CsrfService } from '../csrf.service';
import { endOfDanishDay } from '@app/ui';
import { EditionIdPipe } from '../edition-id.pipe';
import { WebUserService } from '../web-user.service';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import {
  CreateEditionFormDto,
  EditionActionFormDto,
  OpenEditionFormDto,
  PublishEditionFormDto,
} from './dto/edition-forms.dto';
import {
  CreateEditionFormState,
  EditionAction,
  editionActionError,
  readCreateEditionForm,
} from './edition-forms';
import { ADMIN_EDITIONS_PATH, editionsAdminView, SmallEditionWarning } from './views/editions-admin.view';
import { participationView } from './views/participation.view';

/** KL's pages: editions and their lifecycle, and participation per municipality (never answers). */
@ApiExcludeController()
@Controller(ADMIN_EDITIONS_PATH.slice(1))
@UseGuards(WebSessionGuard, WebRolesGuard)
@WebRoles('kl_analyst')
export class EditionsAdminController {
  constructor(
    private readonly editions: EditionsService,
    private readonly participation: ParticipationService,
    private readonly webUsers: WebUserService,
    private readonly csrf: CsrfService,
  ) {}

  @Get()
  list(
    @Query('besked') done: string | undefined,
    @CurrentPrincipal() principal: UserPrincipal,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.render(req, res, principal, HttpStatus.OK, { done });
  }

  @Post()
  async create(
    @Body() form: CreateEditionFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    const read = readCreateEditionForm(form);
    if (!read.ok) {
      return this.render(req, res, principal, HttpStatus.UNPROCESSABLE_ENTITY, { createForm: read.state });
    }
    try {
      await this.editions.create(read.dto, actorOf(principal, address));
    } catch (e) {
      return this.refused(req, res, principal, 'create', e, read.dto.year, {
        values: { year: String(read.dto.year), title: read.dto.title, copyFrom: read.dto.copyFrom ?? '' },
        errors: {},
      });
    }
    res.redirect(303, `${ADMIN_EDITIONS_PATH}?besked=oprettet`);
  }

  @Post(':id/aabn')
  async open(
    @Param('id', EditionIdPipe) id: string,
    @Body() form: OpenEditionFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    const closesAt = endOfDanishDay(form.closesAt ?? '');
    if (!closesAt) {
      return this.render(req, res, principal, HttpStatus.UNPROCESSABLE_ENTITY, {
        error: 'Vælg en dato som svarfrist.',
      });
    }
    return this.lifecycle(req, res, principal, 'open', 'aabnet', () =>
      this.editions.open(id, closesAt, actorOf(principal, address)),
    );
  }

  @Post(':id/luk')
  async close(
    @Param('id', EditionIdPipe) id: string,
    @Body() _form: EditionActionFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    return this.lifecycle(req, res, principal, 'close', 'lukket', () =>
      this.editions.close(id, actorOf(principal, address)),
    );
  }

  /** An edition with fewer than K participants is published only after KL confirms the warning. */
  @Post(':id/offentliggoer')
  async publish(
    @Param('id', EditionIdPipe) id: string,
    @Body() form: PublishEditionFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    const confirmSmallEdition = form.confirmSmallEdition === 'ja';
    try {
      await this.editions.publish(id, actorOf(principal, address), { confirmSmallEdition });
    } catch (e) {
      if (!(e instanceof SmallEditionException)) return this.refused(req, res, principal, 'publish', e);
      const { participants, k } = (e.getResponse() as { details: { participants: number; k: number } })
        .details;
      const smallEdition: SmallEditionWarning = {
        edition: await this.editions.get(id, principal),
        participants,
        k,
      };
      return this.render(req, res, principal, HttpStatus.CONFLICT, { smallEdition });
    }
    res.redirect(303, `${ADMIN_EDITIONS_PATH}?besked=offentliggjort`);
  }

  @Get(':id/deltagelse')
  async participationPage(
    @Param('id', EditionIdPipe) id: string,
    @CurrentPrincipal() principal: UserPrincipal,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const [user, participation] = await Promise.all([
      this.webUsers.pageUser(principal),
      this.participation.forEdition(id),
    ]);
    res.type('html').send(participationView(user, this.csrf.tokenFor(req, res), participation));
  }

  /** Runs one lifecycle change, then back to the list with a notice, or the refusal as an alert. */
  private async lifecycle(
    req: Request,
    res: Response,
    principal: UserPrincipal,
    action: EditionAction,
    notice: string,
    change: () => Promise<unknown>,
  ) {
    try {
      await change();
    } catch (e) {
      return this.refused(req, res, principal, action, e);
    }
    res.redirect(303, `${ADMIN_EDITIONS_PATH}?besked=${notice}`);
  }

  /** A 409/422 from the service becomes a Danish alert on the list; anything else stays an error. */
  private refused(
    req: Request,
    res: Response,
    principal: UserPrincipal,
    action: EditionAction,
    e: unknown,
    year?: number,
    createForm?: CreateEditionFormState,
  ) {
    const error = editionActionError(action, e, year);
    if (!error) throw e;
    return this.render(req, res, principal, (e as { getStatus(): number }).getStatus(), {
      error,
      createForm,
    });
  }

  private async render(
    req: Request,
    res: Response,
    principal: UserPrincipal,
    status: number,
    extra: {
      done?: string;
      error?: string;
      createForm?: CreateEditionFormState;
      smallEdition?: SmallEditionWarning;
    },
  ) {
    const [user, editions] = await Promise.all([
      this.webUsers.pageUser(principal),
      this.editions.list(principal),
    ]);
    res
      .status(status)
      .type('html')
      .send(editionsAdminView({ user, csrfToken: this.csrf.tokenFor(req, res), editions, ...extra }));
  }
}
