import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth, ClientAddress, CurrentPrincipal, UserPrincipal } from '@app/auth';
import {
  CreateInvitationDto,
  ImportInvitationsDto,
  ImportResultDto,
  InvitationDto,
  IssuedInvitationDto,
} from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

/** Invitations by the platform admin (any role) and KL (municipal officers only). */
@ApiTags('admin')
@Controller('admin/invitations')
@Auth('platform_admin', 'kl_analyst')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @ApiCreatedResponse({ type: IssuedInvitationDto })
  @ApiForbiddenResponse({ description: 'INVITATION_ROLE_NOT_ALLOWED: KL invites municipal officers only' })
  @ApiConflictResponse({ description: 'USER_EMAIL_TAKEN' })
  @ApiUnprocessableEntityResponse({
    description:
      'MUNICIPALITY_UNKNOWN, MUNICIPALITY_REQUIRED (officer) or MUNICIPALITY_NOT_ALLOWED (other roles)',
  })
  create(
    @Body() dto: CreateInvitationDto,
    @CurrentPrincipal() p: UserPrincipal,
    @ClientAddress() address: string,
  ): Promise<IssuedInvitationDto> {
    return this.invitations.invite(p, dto, address);
  }

  @Get()
  @ApiOkResponse({ type: [InvitationDto], description: 'Invited users who have not set a password yet' })
  list(@CurrentPrincipal() p: UserPrincipal): Promise<InvitationDto[]> {
    return this.invitations.list(p);
  }

  /** All rows as municipal officers, or none: a real import with any bad row is a 422 listing the rows. */
  @Post('import')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultDto })
  @ApiUnprocessableEntityResponse({
    description: 'INVITATION_IMPORT_INVALID, `details.rows` with the problems',
  })
  import(
    @Body() dto: ImportInvitationsDto,
    @CurrentPrincipal() p: UserPrincipal,
    @ClientAddress() address: string,
  ): Promise<ImportResultDto> {
    return this.invitations.importCsv(p, dto.csv, dto.dryRun ?? false, address);
  }

  @Post(':id/resend')
  @HttpCode(200)
  @ApiOkResponse({ type: IssuedInvitationDto, description: 'A new link; the previous one stops working' })
  @ApiConflictResponse({ description: 'INVITATION_ACCEPTED' })
  resend(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: UserPrincipal,
    @ClientAddress() address: string,
  ): Promise<IssuedInvitationDto> {
    return this.invitations.resend(p, id, address);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOkResponse({
    type: InvitationDto,
    description: 'The link stops working and the account is deactivated',
  })
  @ApiConflictResponse({ description: 'INVITATION_ACCEPTED' })
  revoke(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: UserPrincipal,
    @ClientAddress() address: string,
  ): Promise<InvitationDto> {
    return this.invitations.revoke(p, id, address);
  }
}
