import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth, ClientAddress, CurrentPrincipal, Principal } from '@app/auth';
import { HistoryQueryDto, ReopenResponseDto, SaveAnswersDto, SubmitResponseDto } from './dto/my-response.dto';
import { AnswerChangeDto, MyResponseDto, SaveAnswersResultDto } from './dto/responses.response';
import { ResponsesService } from './responses.service';

/** The signed-in officer's own municipality's response. There is no route that names a municipality. */
@ApiTags('responses')
@Controller('editions/:id/my-response')
@Auth('municipality_officer')
@ApiNotFoundResponse({ description: 'No such edition, or not visible to you' })
export class MyResponseController {
  constructor(private readonly responses: ResponsesService) {}

  @Get()
  @ApiOkResponse({ type: MyResponseDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: Principal): Promise<MyResponseDto> {
    return this.responses.getOwn(id, p);
  }

  /** Who changed which answer when, newest first (at most 500); the municipality's own data only. */
  @Get('history')
  @ApiOkResponse({ type: [AnswerChangeDto] })
  @ApiNotFoundResponse({ description: 'No such edition, not visible to you, or no such question' })
  history(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: HistoryQueryDto,
    @CurrentPrincipal() p: Principal,
  ): Promise<AnswerChangeDto[]> {
    return this.responses.history(id, p, query.questionKey === undefined ? undefined : [query.questionKey]);
  }

  @Patch()
  @ApiOkResponse({
    type: SaveAnswersResultDto,
    description:
      'The response after the save. Merged per question: answers a colleague changed after `version` ' +
      'are not stored and are listed in `conflicts` with their value, who and when; the others are stored',
  })
  @ApiConflictResponse({
    description: 'Submitted response, edition not open, or a version the response never had',
  })
  @ApiUnprocessableEntityResponse({ description: 'An answer does not fit its question; details name each' })
  save(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SaveAnswersDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() ip: string,
  ): Promise<SaveAnswersResultDto> {
    return this.responses.saveAnswers(id, p, dto.version, dto.answers, ip);
  }

  @Post('submit')
  @HttpCode(200)
  @ApiOkResponse({ type: MyResponseDto, description: 'The submitted response, with its receipt' })
  @ApiConflictResponse({
    description:
      'Answers changed since `version` (review and submit again), already submitted, or edition not open',
  })
  @ApiUnprocessableEntityResponse({
    description: 'Required questions unanswered; details.missing lists them',
  })
  submit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SubmitResponseDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() ip: string,
  ): Promise<MyResponseDto> {
    return this.responses.submit(id, p, dto.version, ip);
  }

  @Post('reopen')
  @HttpCode(200)
  @ApiOkResponse({ type: MyResponseDto, description: 'The response as a draft again' })
  @ApiConflictResponse({ description: 'Stale version, not submitted, or edition not open' })
  reopen(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReopenResponseDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() ip: string,
  ): Promise<MyResponseDto> {
    return this.responses.reopen(id, p, dto.version, ip);
  }
}
