import { Body, Controller, Get, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { actorOf, ClientAddress, CurrentPrincipal, UserPrincipal, WebSessionGuard } from '@app/auth';
import { sendFile } from '@app/http';
import { MunicipalitiesService } from '@app/municipalities';
import {
  PARTICIPATION_SORTS,
  PARTICIPATION_STATUSES,
  ParticipationQuery,
  ParticipationService,
  ParticipationSort,
  ParticipationStatus,
  SurveyRemindersService,
} from '@app/responses';
import { EditionsService } from '@app/surveys';
import { EditionIdPipe } from '../edition-id.pipe';
import { page, redirect } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import { EditionActionFormDto, ParticipationFilterDto } from './dto/edition-forms.dto';
import { ADMIN_EDITIONS_PATH } from './views/editions-admin.view';
import { participationPath, participationView } from './views/participation.view';

/** The page's filters; a value the form never offers is ignored rather than refused. */
function readFilter(f: ParticipationFilterDto): ParticipationQuery {
  const region = Number(f.region);
  return {
    regionCode: Number.isInteger(region) && region >= 1081 && region <= 1085 ? region : undefined,
    status: (PARTICIPATION_STATUSES as readonly string[]).includes(f.status ?? '')
      ? (f.status as ParticipationStatus)
      : undefined,
    sort: (PARTICIPATION_SORTS as readonly string[]).includes(f.sortering ?? '')
      ? (f.sortering as ParticipationSort)
      : undefined,
  };
}

const count = (v: string | undefined) => Math.max(0, Math.trunc(Number(v) || 0));

/** KL's view of who took part (status only, never answers): filters, order, export and reminders. */
@ApiExcludeController()
@Controller(ADMIN_EDITIONS_PATH.slice(1))
@UseGuards(WebSessionGuard, WebRolesGuard)
@WebRoles('kl_analyst')
export class ParticipationPagesController {
  constructor(
    private readonly participation: ParticipationService,
    private readonly reminders: SurveyRemindersService,
    private readonly editions: EditionsService,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  @Get(':id/deltagelse')
  @RendersPage()
  async participationPage(@Param('id', EditionIdPipe) id: string, @Query() filter: ParticipationFilterDto) {
    const query = readFilter(filter);
    const participation = await this.participation.forEdition(id, query);
    const edition = await this.editions.require(id);
    const regions = new Map<number, string>();
    for (const m of await this.municipalities.list()) regions.set(m.regionCode, m.regionName);
    const reminded =
      filter.besked === 'paamindelse'
        ? { municipalities: count(filter.kommuner), alreadyToday: count(filter.allerede) }
        : undefined;
    return page(({ user, csrfToken }) =>
      participationView({
        user: user!,
        csrfToken,
        participation,
        query,
        regions: [...regions].sort(([a], [b]) => a - b).map(([code, name]) => ({ code, name })),
        remindable: this.editions.whyNotAnswerable(edition) === null,
        reminded,
      }),
    );
  }

  @Get(':id/deltagelse/eksport.csv')
  async csv(
    @Param('id', EditionIdPipe) id: string,
    @Query() filter: ParticipationFilterDto,
    @Res() res: Response,
  ) {
    sendFile(res, await this.participation.export(id, readFilter(filter), 'csv'));
  }

  @Get(':id/deltagelse/eksport.xlsx')
  async xlsx(
    @Param('id', EditionIdPipe) id: string,
    @Query() filter: ParticipationFilterDto,
    @Res() res: Response,
  ) {
    sendFile(res, await this.participation.export(id, readFilter(filter), 'xlsx'));
  }

  /** Queues the reminder and comes back to the page with the count it was sent to. */
  @Post(':id/deltagelse/paamindelse')
  @RendersPage()
  async remind(
    @Param('id', EditionIdPipe) id: string,
    @Body() _form: EditionActionFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const sent = await this.reminders.requestNow(id, actorOf(principal, address));
    const back = participationPath(id, {});
    return redirect(
      `${back}?besked=paamindelse&kommuner=${sent.municipalities}&allerede=${sent.alreadyRemindedToday}`,
    );
  }
}
