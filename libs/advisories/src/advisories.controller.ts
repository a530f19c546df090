import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Auth, AuthOrApiKey, ClientAddress, CurrentPrincipal, Principal } from '@app/auth';
import { NonEmptyBodyPipe } from '@app/http';
import { AdvisoriesService } from './advisories.service';
import {
  CreateAdvisoryDto,
  ListAdvisoriesQueryDto,
  MyResponseDto,
  UpdateAdvisoryDto,
  WithdrawAdvisoryDto,
} from './dto/advisory-input.dto';
import {
  AdvisoryDto,
  AdvisoryListDto,
  AdvisoryListItemDto,
  AdvisoryResponsesDto,
  MyAdvisoryResponseDto,
} from './dto/advisory.response';

/**
 * KommuneCERT's advisories. KommuneCERT writes and sees all; an officer or a municipal API key reads
 * only those sent to its municipality (any other is a 404, as an unknown id). KL and the
 * administrator: 403, as for incidents.
 */
@ApiTags('advisories')
@Controller('advisories')
@AuthOrApiKey('municipality_officer', 'cert_analyst')
@ApiNotFoundResponse({ description: 'No such advisory, or not one sent to your municipality' })
export class AdvisoriesController {
  constructor(private readonly advisories: AdvisoriesService) {}

  @Post()
  @Auth('cert_analyst')
  @ApiCreatedResponse({ type: AdvisoryDto, description: 'Sent: the fan-out to the officers is queued' })
  create(
    @Body() dto: CreateAdvisoryDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ): Promise<AdvisoryDto> {
    return this.advisories.create(p, dto, address);
  }

  @Get()
  @ApiOkResponse({ type: AdvisoryListDto })
  list(@Query() query: ListAdvisoriesQueryDto, @CurrentPrincipal() p: Principal): Promise<AdvisoryListDto> {
    return this.advisories.list(p, query.limit ?? 100, query.offset ?? 0);
  }

  @Get(':id')
  @ApiOkResponse({ type: AdvisoryDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: Principal): Promise<AdvisoryDto> {
    return this.advisories.get(p, id);
  }

  @Patch(':id')
  @Auth('cert_analyst')
  @ApiOkResponse({ type: AdvisoryDto, description: 'A new version when the content changed' })
  @ApiConflictResponse({ description: 'Stale version (details.currentVersion), or withdrawn' })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(NonEmptyBodyPipe) dto: UpdateAdvisoryDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ): Promise<AdvisoryDto> {
    return this.advisories.update(p, id, dto, address);
  }

  @Post(':id/withdraw')
  @Auth('cert_analyst')
  @HttpCode(200)
  @ApiOkResponse({ type: AdvisoryDto, description: 'Withdrawn; the recipients are told' })
  @ApiConflictResponse({ description: 'Already withdrawn' })
  withdraw(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawAdvisoryDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ): Promise<AdvisoryDto> {
    return this.advisories.withdraw(p, id, dto.reason, address);
  }

  @Put(':id/my-response')
  @Auth('municipality_officer')
  @ApiOkResponse({ type: MyAdvisoryResponseDto, description: "The municipality's answer now" })
  @ApiConflictResponse({ description: 'The advisory was withdrawn' })
  respond(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MyResponseDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ): Promise<MyAdvisoryResponseDto> {
    return this.advisories.respond(p, id, dto, address);
  }

  @Get(':id/responses')
  @Auth('cert_analyst')
  @ApiOkResponse({
    type: AdvisoryResponsesDto,
    description: 'Municipality × status, and who has not answered',
  })
  responses(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<AdvisoryResponsesDto> {
    return this.advisories.responses(p, id);
  }
}

/** The advisories linked to an incident, on the incident's side. */
@ApiTags('incidents')
@Controller('incidents')
@AuthOrApiKey('municipality_officer', 'cert_analyst')
export class IncidentAdvisoriesController {
  constructor(private readonly advisories: AdvisoriesService) {}

  @Get(':id/advisories')
  @ApiOkResponse({
    type: [AdvisoryListItemDto],
    description: 'The linked advisories the caller reads (a municipality: those sent to it)',
  })
  @ApiNotFoundResponse({ description: 'No such incident, or not one of your municipality' })
  @ApiForbiddenResponse({ description: 'Not KommuneCERT or a municipality' })
  ofIncident(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<AdvisoryListItemDto[]> {
    return this.advisories.ofIncident(p, id);
  }
}
