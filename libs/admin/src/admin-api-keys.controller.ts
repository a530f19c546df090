import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, ApiKeysService, Auth, ClientAddress, CurrentPrincipal, Principal } from '@app/auth';
import { ApiKeyDto, CreatedApiKeyDto } from './dto/admin.response';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

@ApiTags('admin')
@Controller('admin/api-keys')
@Auth('platform_admin')
export class AdminApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @ApiOkResponse({ type: [ApiKeyDto] })
  list(): Promise<ApiKeyDto[]> {
    return this.keys.list();
  }

  /** The response is the only time the key is shown. */
  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  async create(
    @Body() dto: CreateApiKeyDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ): Promise<CreatedApiKeyDto> {
    const { apiKey, key } = await this.keys.create(dto.municipalityCode, dto.name, actorOf(p, address));
    return { ...apiKey, key };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: ApiKeyDto })
  revoke(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ): Promise<ApiKeyDto> {
    return this.keys.revoke(id, actorOf(p, address));
  }
}
