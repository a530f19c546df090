import { Body, Controller, ForbiddenException, HttpCode, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@app/audit';
import { DomainError, ErrorCode } from '@app/http';
import { Auth } from '../decorators/auth.decorator';
import { ClientAddress, CurrentPrincipal } from '../decorators/current-principal.decorator';
import { MfaPolicyDto } from '../dto/mfa.dto';
import { actorOf, UserPrincipal } from '../principal';
import { MfaPolicy } from './mfa-policy';

/** A municipality's own rule for its officers; set by a platform admin or one of its officers. */
@ApiTags('mfa')
@Controller('municipalities/:code/mfa-policy')
@Auth('platform_admin', 'municipality_officer')
export class MfaPolicyController {
  constructor(
    private readonly policy: MfaPolicy,
    private readonly audit: AuditService,
  ) {}

  @Put()
  @HttpCode(200)
  @ApiOkResponse({ type: MfaPolicyDto })
  @ApiNotFoundResponse({ description: 'No such municipality' })
  async set(
    @Param('code', ParseIntPipe) code: number,
    @Body() dto: MfaPolicyDto,
    @CurrentPrincipal() me: UserPrincipal,
    @ClientAddress() address: string,
  ): Promise<MfaPolicyDto> {
    if (me.role === 'municipality_officer' && me.municipalityCode !== code) {
      throw new ForbiddenException("Officers set only their own municipality's rule");
    }
    if (!(await this.policy.setForMunicipality(code, dto.officersMustUseMfa))) {
      throw new DomainError(ErrorCode.NOT_FOUND, `No municipality ${code}`);
    }
    await this.audit.record(actorOf(me, address), {
      action: 'mfa.municipality-policy-set',
      targetType: 'municipality',
      targetId: code,
      details: { officersMustUseMfa: dto.officersMustUseMfa },
    });
    return { officersMustUseMfa: dto.officersMustUseMfa };
  }
}
