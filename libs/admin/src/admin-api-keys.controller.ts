import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { actorOf, ApiKeysService, Auth, ClientAddress, CurrentPrincipal, Principal } from '@app/auth';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

@ApiTags('admin')
@Controller('admin/api-keys')
@Auth('platform_admin')
export class AdminApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  list() {
    return this.keys.list();
  }

  /** The response is the only time the key is shown. */
  @Post()
  async create(
    @Body() dto: CreateApiKeyDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ) {
    const { apiKey, key } = await this.keys.create(dto.municipalityCode, dto.name, actorOf(p, address));
    return { ...apiKey, key };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  revoke(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ) {
    return this.keys.revoke(id, actorOf(p, address));
  }
}
