import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth } from '@app/auth';
import { ParticipationDto } from './dto/responses.response';
import { ParticipationService } from './participation.service';

@ApiTags('editions')
@Controller('editions/:id/participation')
export class ParticipationController {
  constructor(private readonly participation: ParticipationService) {}

  @Get()
  @Auth('kl_analyst')
  @ApiOkResponse({ type: ParticipationDto })
  @ApiNotFoundResponse({ description: 'No such edition' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ParticipationDto> {
    return this.participation.forEdition(id);
  }
}
