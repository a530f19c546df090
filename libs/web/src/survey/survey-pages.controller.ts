import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ClientAddress, CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import { EditionIdPipe } from '../edition-id.pipe';
import { page, redirect } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import { AutosaveDto } from './dto/autosave.dto';
import { areaOf, SurveyPagesService } from './survey-pages.service';
import { answerAreaView, surveyPath } from './views/answer-area.view';
import { surveyListView } from './views/survey-list.view';

/** The officer's list of editions and the answering pages, one area at a time. */
@ApiExcludeController()
@Controller('undersoegelser')
@UseGuards(WebSessionGuard, WebRolesGuard)
@WebRoles('municipality_officer')
export class SurveyPagesController {
  constructor(private readonly pages: SurveyPagesService) {}

  @Get()
  @RendersPage()
  async list(@CurrentPrincipal() principal: UserPrincipal) {
    const { user, rows, now } = await this.pages.overview(principal);
    return page(({ csrfToken }) => surveyListView(user, rows, now, csrfToken));
  }

  @Get(':id')
  @RendersPage()
  async area(
    @Param('id', EditionIdPipe) id: string,
    @Query() query: Record<string, string | undefined>,
    @CurrentPrincipal() principal: UserPrincipal,
  ) {
    const context = await this.pages.context(id, principal);
    const notice = query.gemt ? 'saved' : query.genaabnet ? 'reopened' : null;
    const area = areaOf(context.questionnaire, query.omraade);
    const history = await this.pages.history(id, principal, area);
    return page(({ csrfToken }) =>
      answerAreaView({ context, area, csrfToken, notice, savedAreaKey: query.gemt, history }),
    );
  }

  /**
   * The area form without JavaScript: save, then back to the area (or on) with a "Gemt" notice; a
   * colleague's change to a question the officer also changed is shown beside it, the rest is saved.
   */
  @Post(':id/svar')
  @RendersPage()
  async save(
    @Param('id', EditionIdPipe) id: string,
    @Body() form: Record<string, unknown>,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const outcome = await this.pages.saveArea(id, principal, form, address);
    if (outcome.kind === 'saved') {
      // `gemt` names the saved area, so the notice is right also when moving on to the next one.
      const saved = `gemt=${encodeURIComponent(outcome.area.key)}`;
      if (!form.next) return redirect(`${surveyPath(id, outcome.area.key)}&${saved}`);
      return redirect(
        outcome.next ? `${surveyPath(id, outcome.next.key)}&${saved}` : `/undersoegelser/${id}/indsend`,
      );
    }
    const { context, area } = outcome;
    const history = await this.pages.history(id, principal, area);
    if (outcome.kind === 'invalid') {
      const { fields, errors } = outcome;
      return page(
        ({ csrfToken }) => answerAreaView({ context, area, csrfToken, fields, errors, history }),
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    if (outcome.kind === 'conflicts') {
      const { fields, conflicts } = outcome;
      // 200: the page is the answer to the save; everything but the conflicts is stored.
      return page(({ csrfToken }) =>
        answerAreaView({ context, area, csrfToken, notice: 'conflicts', fields, conflicts, history }),
      );
    }
    return page(
      ({ csrfToken }) => answerAreaView({ context, area, csrfToken, notice: outcome.kind }),
      HttpStatus.CONFLICT,
    );
  }

  /** autosave.js: one changed answer as JSON, the CSRF token in the X-CSRF-Token header. */
  @Post(':id/svar.json')
  @HttpCode(HttpStatus.OK)
  autosave(
    @Param('id', EditionIdPipe) id: string,
    @Body() dto: AutosaveDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    return this.pages.autosave(id, principal, dto, address);
  }
}
