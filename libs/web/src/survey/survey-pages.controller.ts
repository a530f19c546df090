import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ClientAddress, CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import { CsrfService } from '../csrf.service';
import { EditionIdPipe } from '../edition-id.pipe';
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
  constructor(
    private readonly pages: SurveyPagesService,
    private readonly csrf: CsrfService,
  ) {}

  @Get()
  async list(@CurrentPrincipal() principal: UserPrincipal, @Req() req: Request, @Res() res: Response) {
    const { user, rows } = await this.pages.overview(principal);
    res.type('html').send(surveyListView(user, rows, this.csrf.tokenFor(req, res)));
  }

  @Get(':id')
  async area(
    @Param('id', EditionIdPipe) id: string,
    @Query() query: Record<string, string | undefined>,
    @CurrentPrincipal() principal: UserPrincipal,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const context = await this.pages.context(id, principal);
    const notice = query.gemt ? 'saved' : query.genaabnet ? 'reopened' : null;
    res.type('html').send(
      answerAreaView({
        context,
        area: areaOf(context.questionnaire, query.omraade),
        csrfToken: this.csrf.tokenFor(req, res),
        notice,
        savedAreaKey: query.gemt,
      }),
    );
  }

  /** The area form without JavaScript: save, then back to the area (or on) with a "Gemt" notice. */
  @Post(':id/svar')
  async save(
    @Param('id', EditionIdPipe) id: string,
    @Body() form: Record<string, unknown>,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    const outcome = await this.pages.saveArea(id, principal, form, address);
    if (outcome.kind === 'saved') {
      // `gemt` names the saved area, so the notice is right also when moving on to the next one.
      const saved = `gemt=${encodeURIComponent(outcome.area.key)}`;
      if (!form.next) return res.redirect(303, `${surveyPath(id, outcome.area.key)}&${saved}`);
      return res.redirect(
        303,
        outcome.next ? `${surveyPath(id, outcome.next.key)}&${saved}` : `/undersoegelser/${id}/indsend`,
      );
    }
    const csrfToken = this.csrf.tokenFor(req, res);
    const { context, area } = outcome;
    if (outcome.kind === 'invalid') {
      const { fields, errors } = outcome;
      return res
        .status(HttpStatus.UNPROCESSABLE_ENTITY)
        .type('html')
        .send(answerAreaView({ context, area, csrfToken, fields, errors }));
    }
    res
      .status(HttpStatus.CONFLICT)
      .type('html')
      .send(answerAreaView({ context, area, csrfToken, notice: outcome.kind }));
  }

  /** autosave.js: one changed answer as JSON, the CSRF token in the X-CSRF-Token header. */
  @Post(':id/svar.json')
  @HttpCode(HttpStatus.OK)
  autosave(
    @Param('id', EditionIdPipe) id: string,
    @Body() dto: AutosaveDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Req() req: Request,
  ) {
    this.csrf.assertValid(req);
    return this.pages.autosave(id, principal, dto, address);
  }
}
