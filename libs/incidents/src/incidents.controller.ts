import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, AuthOrApiKey, ClientAddress, CurrentPrincipal, Principal } from '@app/auth';
import { NonEmptyBodyPipe, sendFile } from '@app/http';
import { MAX_ATTACHMENT_BYTES } from './attachment-content';
import { MispEventDto } from './dto/misp-event.response';
import { INCIDENT_EXPORT_TYPES, MAX_EXPORTED_INCIDENTS } from './export/incident-list-export';
import {
  AddAttachmentDto,
  AddCommentDto,
  ExportIncidentsQueryDto,
  ListIncidentsQueryDto,
  SubmitObligationDto,
  TransitionDto,
} from './dto/incident-actions.dto';
import { ReportIncidentDto, UpdateIncidentDto } from './dto/incident.dto';
import {
  IncidentAttachmentDto,
  IncidentCommentDto,
  IncidentDto,
  IncidentListDto,
  ObligationDto,
  TimelineEntryDto,
} from './dto/incident.response';
import { IncidentsService, type UploadedFile as IncomingFile } from './incidents.service';

/**
 * The KommuneCERT incident log. KommuneCERT sees all incidents; an officer or a municipal API key
 * only its municipality's (another municipality's incident is a 404). KL and the administrator: 403.
 */
@ApiTags('incidents')
@Controller('incidents')
@AuthOrApiKey('municipality_officer', 'cert_analyst')
@ApiNotFoundResponse({ description: 'No such incident, or not one of your municipality' })
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Unique per municipality' })
  @ApiCreatedResponse({ type: IncidentDto, description: 'Reported, with its reference and obligations' })
  @ApiOkResponse({
    type: IncidentDto,
    description: 'An idempotent retry: the incident the first request made',
  })
  @ApiUnprocessableEntityResponse({ description: 'The idempotency key was used with another body' })
  async report(
    @Body() dto: ReportIncidentDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IncidentDto> {
    const { created, incident } = await this.incidents.report(p, dto, { idempotencyKey, address });
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return incident;
  }

  @Get()
  @ApiOkResponse({
    type: IncidentListDto,
    description:
      'One page with the total: newest first, or nearest deadline first with overdue=true or dueWithinHours',
  })
  list(@Query() query: ListIncidentsQueryDto, @CurrentPrincipal() p: Principal): Promise<IncidentListDto> {
    return this.incidents.list(p, query);
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      "KommuneCERT: every incident the list's filters select, as a CSV for a Danish Excel (`;`, decimal comma, BOM)",
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiForbiddenResponse({ description: 'Not KommuneCERT' })
  @ApiUnprocessableEntityResponse({ description: `More than ${MAX_EXPORTED_INCIDENTS} incidents selected` })
  async exportCsv(
    @Query() query: ExportIncidentsQueryDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(res, await this.incidents.exportList(p, query, 'csv', address));
  }

  @Get('export.xlsx')
  @ApiProduces(INCIDENT_EXPORT_TYPES.xlsx)
  @ApiOkResponse({
    description:
      "KommuneCERT: every incident the list's filters select, as an Excel workbook with typed cells",
    content: { [INCIDENT_EXPORT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiForbiddenResponse({ description: 'Not KommuneCERT' })
  @ApiUnprocessableEntityResponse({ description: `More than ${MAX_EXPORTED_INCIDENTS} incidents selected` })
  async exportXlsx(
    @Query() query: ExportIncidentsQueryDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(res, await this.incidents.exportList(p, query, 'xlsx', address));
  }

  @Get(':id/misp.json')
  @ApiOkResponse({
    type: MispEventDto,
    description:
      'KommuneCERT: the incident as a MISP event with rsit: and tlp: tags and no personal data (docs/incidents.md)',
  })
  @ApiForbiddenResponse({ description: 'Not KommuneCERT' })
  @ApiUnprocessableEntityResponse({ description: 'A TLP:RED incident is not shared (details name tlp)' })
  misp(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ): Promise<MispEventDto> {
    return this.incidents.mispEvent(p, id, address);
  }

  @Get(':id')
  @ApiOkResponse({ type: IncidentDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: Principal): Promise<IncidentDto> {
    return this.incidents.get(p, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: IncidentDto, description: 'The incident after the change' })
  @ApiConflictResponse({ description: 'Stale version: details.currentVersion' })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(NonEmptyBodyPipe) dto: UpdateIncidentDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ): Promise<IncidentDto> {
    return this.incidents.update(p, id, dto, address);
  }

  @Post(':id/transitions')
  @Auth('cert_analyst')
  @HttpCode(200)
  @ApiOkResponse({ type: IncidentDto, description: 'The incident in its new status' })
  @ApiConflictResponse({ description: 'A wrong transition (details.allowed) or a stale version' })
  transition(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TransitionDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ): Promise<IncidentDto> {
    return this.incidents.transition(p, id, dto, address);
  }

  @Get(':id/comments')
  @ApiOkResponse({
    type: [IncidentCommentDto],
    description: 'Oldest first; internal and TLP:RED ones for KommuneCERT only',
  })
  comments(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<IncidentCommentDto[]> {
    return this.incidents.comments(p, id);
  }

  @Post(':id/comments')
  @ApiCreatedResponse({ type: IncidentCommentDto })
  addComment(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddCommentDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ): Promise<IncidentCommentDto> {
    return this.incidents.addComment(p, id, dto, address);
  }

  @Get(':id/timeline')
  @ApiOkResponse({
    type: [TimelineEntryDto],
    description: 'Every change, comment and attachment, oldest first',
  })
  timeline(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<TimelineEntryDto[]> {
    return this.incidents.timeline(p, id);
  }

  @Get(':id/obligations')
  @ApiOkResponse({ type: [ObligationDto] })
  obligations(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<ObligationDto[]> {
    return this.incidents.obligations(p, id);
  }

  @Post(':id/obligations/:kind/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: [ObligationDto], description: "The incident's obligations after the submission" })
  @ApiConflictResponse({ description: 'The incident has no obligation of that kind' })
  submitObligation(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('kind') kind: string,
    @Body() dto: SubmitObligationDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ): Promise<ObligationDto[]> {
    return this.incidents.submitObligation(p, id, kind, dto, address);
  }

  @Get(':id/attachments')
  @ApiOkResponse({
    type: [IncidentAttachmentDto],
    description: 'Internal and TLP:RED ones for KommuneCERT only',
  })
  attachments(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<IncidentAttachmentDto[]> {
    return this.incidents.attachments(p, id);
  }

  @Post(':id/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        internal: { type: 'boolean' },
        tlp: { type: 'string' },
      },
    },
  })
  // File names arrive as UTF-8 (RFC 7578; what browsers and HTTP clients send), not busboy's Latin-1.
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 },
      defParamCharset: 'utf8',
    }),
  )
  @ApiCreatedResponse({ type: IncidentAttachmentDto })
  addAttachment(
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: IncomingFile | undefined,
    @Body() dto: AddAttachmentDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ): Promise<IncidentAttachmentDto> {
    return this.incidents.addAttachment(
      p,
      id,
      file,
      { internal: dto.internal === 'true', tlp: dto.tlp },
      address,
    );
  }

  @Get(':id/attachments/:attachmentId')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The file as it was uploaded, with its recognised media type',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  async attachment(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @CurrentPrincipal() p: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const a = await this.incidents.attachment(p, id, attachmentId);
    sendFile(res, {
      content: a.content,
      contentType: a.mediaType,
      filename: a.fileName,
      disposition: 'attachment',
    });
  }
}
