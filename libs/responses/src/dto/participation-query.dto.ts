import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  PARTICIPATION_SORTS,
  PARTICIPATION_STATUSES,
  ParticipationQuery,
  ParticipationSort,
  ParticipationStatus,
} from '../participation-query';

/** Filters and order of the participation list (and its export). */
export class ParticipationQueryDto {
  @ApiPropertyOptional({ description: 'Region code, 1081–1085', example: 1084 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1081)
  @Max(1085)
  region?: number;

  @ApiPropertyOptional({ enum: PARTICIPATION_STATUSES })
  @IsOptional()
  @IsIn(PARTICIPATION_STATUSES)
  status?: ParticipationStatus;

  @ApiPropertyOptional({ enum: PARTICIPATION_SORTS, description: 'Default: name' })
  @IsOptional()
  @IsIn(PARTICIPATION_SORTS)
  sort?: ParticipationSort;

  static toQuery(dto: ParticipationQueryDto): ParticipationQuery {
    return { regionCode: dto.region, status: dto.status, sort: dto.sort };
  }
}
