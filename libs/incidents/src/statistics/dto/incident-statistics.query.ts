import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export const GROUP_BYS = ['month', 'rsitClass', 'rsitType', 'severity', 'region', 'sizeClass'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class IncidentStatisticsQueryDto {
  @ApiPropertyOptional({
    description: 'First month, YYYY-MM (default: January of this year)',
    example: '2026-01',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month as YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last month, YYYY-MM, inclusive (default: December of from’s year)' })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month as YYYY-MM' })
  to?: string;

  @ApiPropertyOptional({ enum: GROUP_BYS, default: 'month' })
  @IsOptional()
  @IsIn(GROUP_BYS, { message: `groupBy must be one of ${GROUP_BYS.join(', ')}` })
  groupBy?: GroupBy;
}
