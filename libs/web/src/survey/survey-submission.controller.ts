import { Body, Controller, Get, HttpStatus, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ClientAddress, CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import { CsrfService } from '../csrf.service';
import { EditionIdPipe } from '../edition-id.pipe';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import { ReopenFormDto, SubmitFormDto } from './dto/survey-forms.dto';
import { SurveyPagesService } from './survey-pages.service';
import { surveyPath } from './views/answer-area.view';
import { receiptView } from './views/receipt.view';
import { submitView } from './views/submit.view';

const receiptPath = (id: string) => `/undersoegelser/${id}/kvittering`;

/** Signing the response off, the receipt, and reopening before the deadline. */
@ApiExcludeController()
@Controller('undersoegelser/:id')
@UseGuards(WebSessionGuard, WebRolesGuard)
@WebRoles('municipality_officer')
export class SurveySubmissionController {
  constructor(
    private readonly pages: SurveyPagesService,
    private readonly csrf: CsrfService,
  ) {}

  @Get('indsend')
  async confirmPage(
    @Param('id', EditionIdPipe) id: string,
    @CurrentPrincipal() principal: UserPrincipal,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const context = await this.pages.context(id, principal);
    if (context.response.status === 'submitted') return res.redirect(303, receiptPath(id));
    res.type('html').send(submitView({ context, csrfToken: this.csrf.tokenFor(req, res) }));
  }

  @Post('indsend')
  async submit(
    @Param('id', EditionIdPipe) id: string,
    @Body() form: SubmitFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    const outcome = await this.pages.submit(id, principal, form, address);
    if (outcome.kind === 'submitted') return res.redirect(303, receiptPath(id));
    if (outcome.context.response.status === 'submitted') return res.redirect(303, receiptPath(id));
    const status =
      outcome.kind === 'stale' || outcome.kind === 'read-only'
        ? HttpStatus.CONFLICT
        : HttpStatus.UNPROCESSABLE_ENTITY;
    res
      .status(status)
      .type('html')
      .send(
        submitView({
          context: outcome.context,
          csrfToken: this.csrf.tokenFor(req, res),
          problem: outcome.kind,
        }),
      );
  }

  @Get('kvittering')
  async receipt(
    @Param('id', EditionIdPipe) id: string,
    @CurrentPrincipal() principal: UserPrincipal,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const context = await this.pages.context(id, principal);
    if (context.response.status !== 'submitted') return res.redirect(303, surveyPath(id));
    res.type('html').send(receiptView({ context, csrfToken: this.csrf.tokenFor(req, res) }));
  }

  @Post('genaabn')
  async reopen(
    @Param('id', EditionIdPipe) id: string,
    @Body() form: ReopenFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    const outcome = await this.pages.reopen(id, principal, form, address);
    if (outcome.kind === 'reopened') return res.redirect(303, `/undersoegelser/${id}?genaabnet=1`);
    if (outcome.context.response.status !== 'submitted') return res.redirect(303, surveyPath(id));
    res
      .status(HttpStatus.CONFLICT)
      .type('html')
      .send(
        receiptView({
          context: outcome.context,
          csrfToken: this.csrf.tokenFor(req, res),
          reopenRefused: true,
        }),
      );
  }
}
