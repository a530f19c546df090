import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, Auth, ClientAddress, CurrentPrincipal, Principal, UserPrincipal } from '@app/auth';
import { UsersService } from '@app/users';
import { UserDto } from './dto/admin.response';
import { UserAdministrationService } from './user-administration.service';
import { CreateUserDto, SetUserActiveDto } from './dto/create-user.dto';

@ApiTags('admin')
@Controller('admin/users')
@Auth('platform_admin')
export class AdminUsersController {
  constructor(
    private readonly users: UsersService,
    private readonly admin: UserAdministrationService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [UserDto] })
  list(): Promise<UserDto[]> {
    return this.users.list();
  }

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  create(
    @Body() dto: CreateUserDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ): Promise<UserDto> {
    return this.users.create(dto, actorOf(p, address));
  }

  /** As the web page: deactivating ends the user's web sessions; one's own account is refused (409). */
  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({
    description: 'USER_SELF_DEACTIVATION: an administrator cannot deactivate their own account',
  })
  async setActive(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SetUserActiveDto,
    @CurrentPrincipal() p: UserPrincipal,
    @ClientAddress() address: string,
  ): Promise<UserDto> {
    const actor = actorOf(p, address);
    if (dto.active) await this.admin.reactivate(p, id, actor);
    else await this.admin.deactivate(p, id, actor);
    return (await this.users.findById(id))!;
  }
}
