import { ApiProperty, ApiPropertyOptional, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsInstant, ListIncidentsQueryDto, SEVERITIES, Severity, TLP_LEVELS, Tlp } from '@app/incidents';
import { CVE_ID, RESPONSE_STATUSES, ResponseStatus } from '../advisory-terms';

export class AudienceDto {
  @ApiPropertyOptional({ description: 'Every municipality; then no codes or regions may be given' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;

  @ApiPropertyOptional({ type: [Number], example: [151, 101], description: 'Municipality codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(98)
  @IsInt({ each: true })
  @Min(100, { each: true })
  @Max(999, { each: true })
  municipalityCodes?: number[];

  @ApiPropertyOptional({ type: [Number], example: [1084], description: 'Region codes 1081–1085' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1000, { each: true })
  @Max(9999, { each: true })
  regionCodes?: number[];
}

/** A new advisory: its content, its audience and the incidents it relates to. */
export class CreateAdvisoryDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ maxLength: 1000, description: 'A few lines; what the notification and e-mail show' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  summary!: string;

  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  body!: string;

  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES)
  severity!: Severity;

  @ApiProperty({ enum: TLP_LEVELS, description: 'TLP 2.0, as for incidents' })
  @IsIn(TLP_LEVELS)
  tlp!: Tlp;

  @ApiPropertyOptional({ type: [String], description: 'Affected products; with cveIds, at least one' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  products?: string[];

  @ApiPropertyOptional({ type: [String], example: ['CVE-2024-3400'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(CVE_ID, { each: true, message: 'each value in $property must be a CVE id like CVE-2024-3400' })
  cveIds?: string[];

  @ApiProperty({ maxLength: 10000 })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  recommendedActions!: string;

  @ApiProperty({ description: 'When the municipalities must have answered; not in the past' })
  @IsInstant()
  respondBy!: string;

  @ApiProperty({ type: AudienceDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AudienceDto)
  audience!: AudienceDto;

  @ApiPropertyOptional({ type: [String], description: 'Ids of incidents the advisory relates to' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  incidentIds?: string[];
}

/**
 * A correction: the fields given change, a new version is kept and the recipients are told. The
 * audience is fixed when the advisory is sent. A null is refused by the service, naming the field.
 */
export class UpdateAdvisoryDto extends PartialType(OmitType(CreateAdvisoryDto, ['audience'] as const)) {
  @ApiProperty({ description: 'The version the change was made on; a stale one is a 409' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ maxLength: 2000, description: 'What changed, for the recipients' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class WithdrawAdvisoryDto {
  @ApiProperty({ maxLength: 2000, description: 'Why, for the recipients' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class MyResponseDto {
  @ApiProperty({ enum: RESPONSE_STATUSES })
  @IsIn(RESPONSE_STATUSES)
  status!: ResponseStatus;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}

/** One page of advisories, as the incident list pages (limit up to 100, offset). */
export class ListAdvisoriesQueryDto extends PickType(ListIncidentsQueryDto, ['limit', 'offset'] as const) {}
