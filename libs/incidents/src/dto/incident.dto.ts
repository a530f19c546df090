import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import {
  BREACH_NATURES,
  BREACH_TYPES,
  NIS2_IMPACTS,
  NIS2_SIGNIFICANCE,
  ROOT_CAUSES,
  RSIT_CLASSES,
  SEVERITIES,
  SPECIAL_CATEGORIES,
  TLP_LEVELS,
} from '../rsit';
import type {
  BreachNature,
  BreachType,
  Nis2Impact,
  Nis2Significance,
  RootCause,
  Severity,
  SpecialCategory,
  Tlp,
} from '../rsit';

/** Optional, but when given not null: for fields that always have a value. */
const Given = () => ValidateIf((_, value) => value !== undefined);

/** An ISO 8601 time with its offset, so that no server time zone guesses it. */
export const IsInstant = () =>
  applyDecorators(
    IsISO8601({ strict: true, strictSeparator: true }),
    Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/, {
      message: '$property must be an ISO 8601 time with a time zone (Z or ±hh:mm)',
    }),
  );

const MAX_COUNT = 100_000_000;

export class PersonalDataBreachDto {
  @ApiProperty({ enum: BREACH_TYPES })
  @IsIn(BREACH_TYPES)
  type!: BreachType;

  @ApiProperty({ enum: BREACH_NATURES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(BREACH_NATURES, { each: true })
  nature!: BreachNature[];

  @ApiPropertyOptional({ minimum: 0, description: 'Approximate number of data subjects' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  approxSubjects?: number | null;

  @ApiPropertyOptional({ minimum: 0, description: 'Approximate number of personal-data records' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  approxRecords?: number | null;

  @ApiPropertyOptional({ enum: SPECIAL_CATEGORIES, isArray: true, description: 'GDPR Art. 9' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SPECIAL_CATEGORIES.length)
  @IsIn(SPECIAL_CATEGORIES, { each: true })
  specialCategories?: SpecialCategory[];

  @ApiProperty({
    description: 'Likely to result in a risk to people: to be notified to Datatilsynet (GDPR Art. 33)',
  })
  @IsBoolean()
  notifiable!: boolean;

  @ApiPropertyOptional({
    description: 'Why the breach is documented only; required when notifiable is false',
  })
  @ValidateIf((o: PersonalDataBreachDto) => o.notifiable === false || o.documentedOnlyReason != null)
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  documentedOnlyReason?: string | null;

  @ApiPropertyOptional({ description: 'Data subjects were told (GDPR Art. 34)' })
  @IsOptional()
  @IsBoolean()
  subjectsInformed?: boolean | null;
}

/** Fields a report and a correction share. */
class IncidentFieldsDto {
  @ApiPropertyOptional({ maxLength: 20000 })
  @Given()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({ example: '2026-11-30T07:40:00+01:00', nullable: true })
  @IsOptional()
  @IsInstant()
  occurredAt?: string | null;

  @ApiPropertyOptional({ example: '2026-11-30T08:00:00+01:00', nullable: true })
  @IsOptional()
  @IsInstant()
  detectedAt?: string | null;

  @ApiPropertyOptional({
    enum: RSIT_CLASSES,
    description: 'RSIT v1003 class; KommuneCERT corrects it in triage',
  })
  @Given()
  @IsIn(RSIT_CLASSES)
  rsitClass?: string;

  @ApiPropertyOptional({ example: 'phishing', description: 'A type of rsitClass' })
  @Given()
  @IsString()
  @MaxLength(60)
  rsitType?: string;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @Given()
  @IsIn(SEVERITIES)
  severity?: Severity;

  @ApiPropertyOptional({ enum: TLP_LEVELS })
  @Given()
  @IsIn(TLP_LEVELS)
  tlp?: Tlp;

  @ApiPropertyOptional({ enum: NIS2_SIGNIFICANCE })
  @Given()
  @IsIn(NIS2_SIGNIFICANCE)
  nis2Significant?: Nis2Significance;

  @ApiPropertyOptional({ enum: NIS2_IMPACTS, nullable: true })
  @IsOptional()
  @IsIn(NIS2_IMPACTS)
  nis2Impact?: Nis2Impact | null;

  @ApiPropertyOptional({ enum: ROOT_CAUSES, nullable: true })
  @IsOptional()
  @IsIn(ROOT_CAUSES)
  rootCause?: RootCause | null;

  @ApiPropertyOptional({ type: [String] })
  @Given()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  affectedSystems?: string[];

  @ApiPropertyOptional({ type: [String] })
  @Given()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  affectedServices?: string[];

  @ApiPropertyOptional({
    type: PersonalDataBreachDto,
    nullable: true,
    description: 'Left out (or null) when no personal data is involved',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataBreachDto)
  personalDataBreach?: PersonalDataBreachDto | null;
}

export class ReportIncidentDto extends IncidentFieldsDto {
  @ApiProperty({ maxLength: 200 })
  @IsDefined()
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '2026-11-30T08:15:00+01:00', description: 'When the municipality became aware' })
  @IsDefined()
  @IsInstant()
  awareAt!: string;

  @ApiPropertyOptional({ description: "The reporter's own reference; unique per municipality (idempotent)" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  reporterReference?: string;

  @ApiPropertyOptional({ description: 'KommuneCERT only: the municipality the incident belongs to' })
  @IsOptional()
  @IsInt()
  @Min(101)
  @Max(999)
  municipalityCode?: number;
}

export class UpdateIncidentDto extends IncidentFieldsDto {
  @ApiProperty({ description: 'The version the change is based on' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @Given()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ example: '2026-11-30T08:15:00+01:00' })
  @Given()
  @IsInstant()
  awareAt?: string;

  @ApiPropertyOptional({ nullable: true, description: 'KommuneCERT only: the analyst who handles it' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string | null;
}
