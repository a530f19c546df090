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
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, AuthOrApiKey, ClientAddress, CurrentPrincipal, Principal } from '@app/auth';
import { NonEmptyBodyPipe } from '@app/http';
import { MAX_ATTACHMENT_BYTES } from './attachment-content';
import {
  AddAttachmentDto,
  AddCommentDto,
  ListIncidentsQueryDto,
  SubmitObligationDto,
  TransitionDto,
} from './dto/incident-actions.dto';
import { ReportIncidentDto, UpdateIncidentDto } from './dto/incident.dto';
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
  @ApiCreatedResponse({ description: 'Reported: { id, reference, status, version, obligations, … }' })
  @ApiOkResponse({ description: 'An idempotent retry: the incident the first request made' })
  @ApiUnprocessableEntityResponse({ description: 'The idempotency key was used with another body' })
  async report(
    @Body() dto: ReportIncidentDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { created, incident } = await this.incidents.report(p, dto, { idempotencyKey, address });
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return incident;
  }

  @Get()
  @ApiOkResponse({ description: '{ total, limit, offset, items }, newest first' })
  list(@Query() query: ListIncidentsQueryDto, @CurrentPrincipal() p: Principal) {
    return this.incidents.list(p, query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: Principal) {
    return this.incidents.get(p, id);
  }

  @Patch(':id')
  @ApiConflictResponse({ description: 'Stale version: details.currentVersion' })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(NonEmptyBodyPipe) dto: UpdateIncidentDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ) {
    return this.incidents.update(p, id, dto, address);
  }

  @Post(':id/transitions')
  @Auth('cert_analyst')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'A wrong transition (details.allowed) or a stale version' })
  transition(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TransitionDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ) {
    return this.incidents.transition(p, id, dto, address);
  }

  @Get(':id/comments')
  comments(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: Principal) {
    return this.incidents.comments(p, id);
  }

  @Post(':id/comments')
  addComment(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddCommentDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ) {
    return this.incidents.addComment(p, id, dto, address);
  }

  @Get(':id/timeline')
  timeline(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: Principal) {
    return this.incidents.timeline(p, id);
  }

  @Get(':id/obligations')
  obligations(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: Principal) {
    return this.incidents.obligations(p, id);
  }

  @Post(':id/obligations/:kind/submit')
  @HttpCode(200)
  @ApiUnprocessableEntityResponse({ description: 'Late without reasonForDelay' })
  submitObligation(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('kind') kind: string,
    @Body() dto: SubmitObligationDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ) {
    return this.incidents.submitObligation(p, id, kind, dto, address);
  }

  @Get(':id/attachments')
  attachments(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: Principal) {
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
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }))
  addAttachment(
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: IncomingFile | undefined,
    @Body() dto: AddAttachmentDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ) {
    return this.incidents.addAttachment(
      p,
      id,
      file,
      { internal: dto.internal === 'true', tlp: dto.tlp },
      address,
    );
  }

  @Get(':id/attachments/:attachmentId')
  async attachment(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<StreamableFile> {
    const a = await this.incidents.attachment(p, id, attachmentId);
    return new StreamableFile(a.content, {
      type: a.mediaType,
      length: a.size,
      disposition: `attachment; filename="${a.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`,
    });
  }
}
