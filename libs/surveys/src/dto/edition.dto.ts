import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  isISO8601,
  IsBoolean,
  IsDate,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { EDITION_STATUSES } from '../edition-status';
import type { Edition } from '../edition.entity';

/**
 * A deadline from JSON: an ISO 8601 time with its time zone, read strictly. A plain `new Date(…)`
 * turns `2030-02-30` into 2 March, takes a number as milliseconds and `true` as 1 ms after 1970;
 * such a value stays as it came and is refused with a message that shows the form to use.
 */
const INSTANT_END = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const IsDeadline = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' &&
      isISO8601(value, { strict: true, strictSeparator: true }) &&
      INSTANT_END.test(value)
        ? new Date(value)
        : value,
    ),
    IsDate({ message: '$property must be an ISO 8601 time with a time zone, e.g. 2027-03-01T12:00:00Z' }),
  );

export class EditionDto {
  @ApiProperty() id!: string;
  @ApiProperty() year!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: EDITION_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: Date }) opensAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) closesAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) closedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) publishedAt!: Date | null;

  static from(e: Edition): EditionDto {
    const { id, year, title, status, opensAt, closesAt, closedAt, publishedAt } = e;
    return { id, year, title, status, opensAt, closesAt, closedAt, publishedAt };
  }
}

export class CreateEditionDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ example: 'Baseline 2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({
    description: 'Edition whose questionnaire is copied; without it the shipped definition is imported',
  })
  @IsOptional()
  @IsUUID()
  copyFrom?: string;
}

/** What KL may change of a draft or an open edition; send at least one. */
export class UpdateEditionDto {
  @ApiPropertyOptional({ example: 'Baseline 2026' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Deadline for answers (ISO 8601 with a time zone, in the future)',
  })
  @IsOptional()
  @IsDeadline()
  closesAt?: Date;
}

const REASON_MAX = 2000;

export class CloseEditionDto {
  @ApiPropertyOptional({
    description: 'Why the edition closes before its deadline; required until the deadline has passed',
    maxLength: REASON_MAX,
  })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX)
  reason?: string;
}

export class WithdrawPublicationDto {
  @ApiProperty({
    description: 'Why the publication is withdrawn (kept in the audit log)',
    maxLength: REASON_MAX,
  })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(REASON_MAX)
  reason!: string;
}

export class OpenEditionDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'Deadline for answers (ISO 8601 with a time zone, in the future)',
  })
  @IsDeadline()
  closesAt!: Date;
}

export class PublishEditionDto {
  @ApiPropertyOptional({
    description:
      'Publish although fewer than K municipalities submitted (their statistics are all suppressed)',
  })
  @IsOptional()
  @IsBoolean()
  confirmSmallEdition?: boolean;
}

/** The parts of a question KL may still change while its edition is a draft. */
export class UpdateQuestionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) textDa?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) textEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) helpDa?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() required?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() allowNotApplicable?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(100) weight?: number;
  @ApiPropertyOptional({ description: 'Key of the earlier question this one continues (after a rename)' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  continuesKey?: string;
}
