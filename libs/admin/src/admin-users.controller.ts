import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, Auth, ClientAddress, CurrentPrincipal, Principal } from '@app/auth';
import { UsersService } from '@app/users';
import { UserDto } from './dto/admin.response';
import { CreateUserDto, SetUserActiveDto } from './dto/create-user.dto';

@ApiTags('admin')
@Controller('admin/users')
@Auth('platform_admin')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

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

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  setActive(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SetUserActiveDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
  ): Promise<UserDto> {
    return this.users.setActive(id, dto.active, actorOf(p, address));
  }
}
