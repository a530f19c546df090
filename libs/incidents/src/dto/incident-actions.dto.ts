import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { INCIDENT_STATUSES, IncidentStatus } from '../incident-workflow';
import { NOT_AN_INCIDENT_DISPOSITIONS, RSIT_CLASSES, SEVERITIES, TLP_LEVELS } from '../rsit';
import type { Tlp } from '../rsit';
import { IsInstant } from './incident.dto';

export class TransitionDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ enum: INCIDENT_STATUSES })
  @IsIn(INCIDENT_STATUSES)
  to!: IncidentStatus;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string;

  @ApiPropertyOptional({ description: 'The original: its id or reference (KCERT-…); with to=duplicate' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  duplicateOf?: string;

  @ApiPropertyOptional({ enum: NOT_AN_INCIDENT_DISPOSITIONS, description: 'With to=not_an_incident' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  disposition?: string;
}

export class AddCommentDto {
  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  body!: string;

  @ApiPropertyOptional({ description: 'KommuneCERT only: not shown to the municipality' })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;

  @ApiPropertyOptional({ enum: TLP_LEVELS, description: 'TLP:RED is shown to KommuneCERT alone' })
  @IsOptional()
  @IsIn(TLP_LEVELS)
  tlp?: Tlp;
}

export class SubmitObligationDto {
  @ApiProperty({ example: '2026-12-02T10:00:00+01:00' })
  @IsInstant()
  submittedAt!: string;

  @ApiPropertyOptional({ description: "The recipient's reference (case number)" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;

  @ApiPropertyOptional({ description: 'Required when submitted after the due time' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  reasonForDelay?: string;
}

export class ListIncidentsQueryDto {
  @ApiPropertyOptional({
    description: 'One status or several, comma-separated (e.g. new,triage,in_progress)',
    example: 'new,triage',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value))
  @IsArray()
  @ArrayMaxSize(INCIDENT_STATUSES.length)
  @IsIn(INCIDENT_STATUSES, { each: true })
  status?: IncidentStatus[];

  @ApiPropertyOptional({ description: 'Municipality code (KommuneCERT)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(101)
  @Max(999)
  municipality?: number;

  @ApiPropertyOptional({ enum: RSIT_CLASSES })
  @IsOptional()
  @IsIn(RSIT_CLASSES)
  rsitClass?: string;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: string;

  @ApiPropertyOptional({ description: "An analyst's id, `me`, or `none` (unassigned)" })
  @IsOptional()
  @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'assignee must be an analyst id, me or none',
  })
  assignee?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only incidents with an overdue obligation' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({
    description: 'Only incidents whose next open deadline falls within this many hours',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 31)
  dueWithinHours?: number;

  @ApiPropertyOptional({ description: 'awareAt from (inclusive)' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'awareAt to (exclusive)' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ description: 'Free text in reference, title and description' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ default: 25, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

/**
 * The list's filters for an export, without its page: an export holds every incident that matches
 * (up to MAX_EXPORTED_INCIDENTS), so `limit` and `offset` are refused as unknown.
 */
export class ExportIncidentsQueryDto extends OmitType(ListIncidentsQueryDto, ['limit', 'offset'] as const) {}

/** The text fields of the attachment upload (multipart, so booleans arrive as strings). */
export class AddAttachmentDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'KommuneCERT only' })
  @IsOptional()
  @IsIn(['true', 'false'])
  internal?: 'true' | 'false';

  @ApiPropertyOptional({ enum: TLP_LEVELS, description: 'TLP:RED is shown to KommuneCERT alone' })
  @IsOptional()
  @IsIn(TLP_LEVELS)
  tlp?: Tlp;
}
