import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '@app/auth';
import { ParticipationService } from './participation.service';

@ApiTags('editions')
@Controller('editions/:id/participation')
export class ParticipationController {
  constructor(private readonly participation: ParticipationService) {}

  @Get()
  @Auth('kl_analyst')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.participation.forEdition(id);
  }
}
