import { Body, Controller, Get, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ClientAddress, CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import { EditionIdPipe } from '../edition-id.pipe';
import { page, redirect } from '../page';
import { RendersPage } from '../renders-page.decorator';
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
  constructor(private readonly pages: SurveyPagesService) {}

  @Get('indsend')
  @RendersPage()
  async confirmPage(@Param('id', EditionIdPipe) id: string, @CurrentPrincipal() principal: UserPrincipal) {
    const context = await this.pages.context(id, principal);
    if (context.response.status === 'submitted') return redirect(receiptPath(id));
    return page(({ csrfToken }) => submitView({ context, csrfToken }));
  }

  @Post('indsend')
  @RendersPage()
  async submit(
    @Param('id', EditionIdPipe) id: string,
    @Body() form: SubmitFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const outcome = await this.pages.submit(id, principal, form, address);
    if (outcome.kind === 'submitted') return redirect(receiptPath(id));
    if (outcome.context.response.status === 'submitted') return redirect(receiptPath(id));
    const status =
      outcome.kind === 'stale' || outcome.kind === 'read-only'
        ? HttpStatus.CONFLICT
        : HttpStatus.UNPROCESSABLE_ENTITY;
    return page(
      ({ csrfToken }) => submitView({ context: outcome.context, csrfToken, problem: outcome.kind }),
      status,
    );
  }

  @Get('kvittering')
  @RendersPage()
  async receipt(@Param('id', EditionIdPipe) id: string, @CurrentPrincipal() principal: UserPrincipal) {
    const context = await this.pages.context(id, principal);
    if (context.response.status !== 'submitted') return redirect(surveyPath(id));
    return page(({ csrfToken }) => receiptView({ context, csrfToken }));
  }

  @Post('genaabn')
  @RendersPage()
  async reopen(
    @Param('id', EditionIdPipe) id: string,
    @Body() form: ReopenFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const outcome = await this.pages.reopen(id, principal, form, address);
    if (outcome.kind === 'reopened') return redirect(`/undersoegelser/${id}?genaabnet=1`);
    if (outcome.context.response.status !== 'submitted') return redirect(surveyPath(id));
    return page(
      ({ csrfToken }) => receiptView({ context: outcome.context, csrfToken, reopenRefused: true }),
      HttpStatus.CONFLICT,
    );
  }
}
