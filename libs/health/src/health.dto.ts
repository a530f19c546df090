import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiPropertyOptions } from '@nestjs/swagger';

const INDICATORS: ApiPropertyOptions = {
  type: 'object',
  description: 'Per dependency (`database`, `queue`): its status, and for the queue its backend',
  additionalProperties: {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['up', 'down'] },
      backend: { type: 'string', enum: ['redis', 'postgres'] },
      message: { type: 'string' },
    },
    required: ['status'],
  },
};

type IndicatorResults = Record<string, { status: string } | undefined>;

/** The health check result (@nestjs/terminus): the body of 200 and of 503 alike. */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] })
  status!: string;

  @ApiPropertyOptional({ ...INDICATORS, description: 'The dependencies that are up' })
  info?: IndicatorResults;

  @ApiPropertyOptional({ ...INDICATORS, description: 'The dependencies that are down' })
  error?: IndicatorResults;

  @ApiProperty(INDICATORS)
  details!: IndicatorResults;
}
