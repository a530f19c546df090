import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class IncidentMappingQueryDto {
  @ApiPropertyOptional({ description: 'Calendar year (default: this year)', example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be a year as YYYY' })
  @Min(2000, { message: 'year must be 2000 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year?: number;
}
