import {
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { actorOf, Auth, ClientAddress, CurrentPrincipal, Principal } from '@app/auth';
import { sendFile } from '@app/http';
import { ParticipationQueryDto } from './dto/participation-query.dto';
import { ParticipationDto, ReminderRequestDto } from './dto/responses.response';
import {
  PARTICIPATION_EXPORT_FORMATS,
  PARTICIPATION_EXPORT_TYPES,
  ParticipationExportFormat,
} from './participation-export';
import { ParticipationService } from './participation.service';
import { SurveyRemindersService } from './survey-reminders.service';

@ApiTags('editions')
@Controller('editions/:id/participation')
export class ParticipationController {
  constructor(
    private readonly participation: ParticipationService,
    private readonly reminders: SurveyRemindersService,
  ) {}

  @Get()
  @Auth('kl_analyst')
  @ApiOkResponse({ type: ParticipationDto })
  @ApiNotFoundResponse({ description: 'No such edition' })
  get(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ParticipationQueryDto,
  ): Promise<ParticipationDto> {
    return this.participation.forEdition(id, ParticipationQueryDto.toQuery(query));
  }

  /** The same selection as a Danish CSV (`;`, BOM, Danish headers) or an XLSX workbook. */
  @Get('export.:format')
  @Auth('kl_analyst')
  @ApiOkResponse({
    description: 'Status per municipality, no answers',
    content: {
      'text/csv': { schema: { type: 'string' } },
      [PARTICIPATION_EXPORT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiNotFoundResponse({ description: 'No such edition or format' })
  async export(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('format') format: string,
    @Query() query: ParticipationQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    if (!(PARTICIPATION_EXPORT_FORMATS as readonly string[]).includes(format))
      throw new NotFoundException(`No export as ${format}; use csv or xlsx`);
    const file = await this.participation.export(
      id,
      ParticipationQueryDto.toQuery(query),
      format as ParticipationExportFormat,
    );
    sendFile(res, file);
  }

  /** Reminds every municipality not submitted (once per municipality per day); a job sends it. */
  @Post('reminders')
  @HttpCode(202)
  @Auth('kl_analyst')
  @ApiAcceptedResponse({ type: ReminderRequestDto })
  @ApiNotFoundResponse({ description: 'No such edition' })
  @ApiConflictResponse({ description: 'The edition is not open, or its deadline has passed' })
  remind(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() ip: string,
  ): Promise<ReminderRequestDto> {
    return this.reminders.requestNow(id, actorOf(p, ip));
  }
}
