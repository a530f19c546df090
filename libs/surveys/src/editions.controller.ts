import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { actorOf, Auth, ClientAddress, CurrentPrincipal, Principal } from '@app/auth';
import { NonEmptyBodyPipe } from '@app/http';
import {
  CloseEditionDto,
  CreateEditionDto,
  EditionDto,
  OpenEditionDto,
  PublishEditionDto,
  UpdateEditionDto,
  UpdateQuestionDto,
  WithdrawPublicationDto,
} from './dto/edition.dto';
import { QuestionnaireDto } from './dto/questionnaire.dto';
import { EditionsService } from './editions.service';

@ApiTags('editions')
@Controller('editions')
export class EditionsController {
  constructor(private readonly editions: EditionsService) {}

  @Get()
  @ApiOkResponse({ type: [EditionDto], description: 'The editions visible to you' })
  @Auth()
  async list(@CurrentPrincipal() p: Principal): Promise<EditionDto[]> {
    return (await this.editions.list(p)).map(EditionDto.from);
  }

  @Get(':id')
  @ApiOkResponse({ type: EditionDto })
  @ApiNotFoundResponse({ description: 'No such edition, or not visible to you' })
  @Auth()
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: Principal): Promise<EditionDto> {
    return EditionDto.from(await this.editions.get(id, p));
  }

  @Get(':id/questionnaire')
  @ApiOkResponse({ type: QuestionnaireDto })
  @ApiNotFoundResponse({ description: 'No such edition, or not visible to you' })
  @Auth()
  questionnaire(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<QuestionnaireDto> {
    return this.editions.questionnaire(id, p);
  }

  @Post()
  @ApiCreatedResponse({ type: EditionDto })
  @Auth('kl_analyst')
  @ApiConflictResponse({ description: 'An edition for that year exists' })
  async create(
    @Body() dto: CreateEditionDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() ip: string,
  ): Promise<EditionDto> {
    return EditionDto.from(await this.editions.create(dto, actorOf(p, ip)));
  }

  @Patch(':id')
  @ApiOkResponse({ type: EditionDto })
  @ApiNotFoundResponse({ description: 'No such edition, or not visible to you' })
  @ApiConflictResponse({ description: 'EDITION_WRONG_STATUS: only a draft or an open edition can change' })
  @ApiUnprocessableEntityResponse({ description: 'EDITION_DEADLINE_IN_PAST: closesAt is not ahead' })
  @Auth('kl_analyst')
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(NonEmptyBodyPipe) dto: UpdateEditionDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() ip: string,
  ): Promise<EditionDto> {
    return EditionDto.from(await this.editions.update(id, dto, actorOf(p, ip)));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The draft and its questionnaire are deleted' })
  @ApiNotFoundResponse({ description: 'No such edition' })
  @ApiConflictResponse({ description: 'EDITION_WRONG_STATUS: only a draft can be deleted' })
  @Auth('kl_analyst')
  async delete(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() ip: string,
  ): Promise<void> {
    await this.editions.delete(id, actorOf(p, ip));
  }

  @Patch(':id/questions/:key')
  @ApiOkResponse({ type: QuestionnaireDto, description: 'The questionnaire after the change' })
  @ApiNotFoundResponse({ description: 'No such edition or question' })
  @Auth('kl_analyst')
  @ApiConflictResponse({ description: 'The edition is no longer a draft: its questionnaire is frozen' })
  async updateQuestion(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('key') key: string,
    @Body(NonEmptyBodyPipe) dto: UpdateQuestionDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() ip: string,
  ): Promise<QuestionnaireDto> {
    await this.editions.updateQuestion(id, key, dto, actorOf(p, ip));
    return this.editions.questionnaire(id, p);
  }

  @Post(':id/open')
  @ApiOkResponse({ type: EditionDto })
  @ApiNotFoundResponse({ description: 'No such edition, or not visible to you' })
  @HttpCode(200)
  @Auth('kl_analyst')
  @ApiConflictResponse({ description: 'Wrong lifecycle transition' })
  async open(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: OpenEditionDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() ip: string,
  ): Promise<EditionDto> {
    return EditionDto.from(await this.editions.open(id, dto.closesAt, actorOf(p, ip)));
  }

  @Post(':id/close')
  @ApiOkResponse({ type: EditionDto })
  @ApiNotFoundResponse({ description: 'No such edition, or not visible to you' })
  @HttpCode(200)
  @Auth('kl_analyst')
  @ApiConflictResponse({ description: 'Wrong lifecycle transition' })
  @ApiUnprocessableEntityResponse({
    description: 'EDITION_CLOSE_REASON_REQUIRED: the deadline has not passed and no reason was given',
  })
  async close(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CloseEditionDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() ip: string,
  ): Promise<EditionDto> {
    return EditionDto.from(await this.editions.close(id, actorOf(p, ip), dto));
  }

  @Post(':id/publish')
  @ApiOkResponse({ type: EditionDto })
  @ApiNotFoundResponse({ description: 'No such edition, or not visible to you' })
  @HttpCode(200)
  @Auth('kl_analyst')
  @ApiConflictResponse({ description: 'Not closed, or fewer than K participants and not confirmed' })
  async publish(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PublishEditionDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() ip: string,
  ): Promise<EditionDto> {
    return EditionDto.from(await this.editions.publish(id, actorOf(p, ip), dto));
  }

  @Post(':id/withdraw-publication')
  @ApiOkResponse({ type: EditionDto, description: 'The edition, closed again' })
  @ApiNotFoundResponse({ description: 'No such edition, or not visible to you' })
  @HttpCode(200)
  @Auth('kl_analyst')
  @ApiConflictResponse({ description: 'EDITION_WRONG_STATUS: the edition is not published' })
  async withdrawPublication(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawPublicationDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() ip: string,
  ): Promise<EditionDto> {
    return EditionDto.from(await this.editions.withdrawPublication(id, dto.reason, actorOf(p, ip)));
  }
}
