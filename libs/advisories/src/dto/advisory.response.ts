import { ApiProperty } from '@nestjs/swagger';
import { SEVERITIES, Severity, TLP_LEVELS, Tlp } from '@app/incidents';
import {
  ADVISORY_STATUSES,
  AdvisoryStatus,
  AdvisoryVersionKind,
  RESPONSE_STATUSES,
  ResponseStatus,
  VERSION_KINDS,
} from '../advisory-terms';

// The documented shapes of what the advisory routes answer; the service returns exactly these.

const NULLABLE_DATE = { nullable: true, type: Date } as const;
const NULLABLE_TEXT = { nullable: true, type: String } as const;
const NULLABLE_STATUS = { nullable: true, enum: RESPONSE_STATUSES } as const;

export class AudienceViewDto {
  @ApiProperty()
  all!: boolean;

  @ApiProperty({ type: [Number] })
  municipalityCodes!: number[];

  @ApiProperty({ type: [Number] })
  regionCodes!: number[];
}

export class MyAdvisoryResponseDto {
  @ApiProperty({ enum: RESPONSE_STATUSES })
  status!: ResponseStatus;

  @ApiProperty(NULLABLE_TEXT)
  comment!: string | null;

  @ApiProperty({ description: 'When the status was last set' })
  statusAt!: Date;

  @ApiProperty({ description: 'When an officer first opened or answered it' })
  firstReadAt!: Date;

  @ApiProperty({ description: "The officer's e-mail" })
  respondedBy!: string;
}

export class LinkedIncidentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'KCERT-2026-0001' })
  reference!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  municipalityCode!: number;
}

export class AdvisoryVersionDto {
  @ApiProperty()
  version!: number;

  @ApiProperty({ enum: VERSION_KINDS })
  kind!: AdvisoryVersionKind;

  @ApiProperty({ type: [String], description: 'The content fields this version changed' })
  changedFields!: string[];

  @ApiProperty({ ...NULLABLE_TEXT, description: 'The note of an update, the reason of a withdrawal' })
  note!: string | null;

  @ApiProperty()
  changedBy!: string;

  @ApiProperty()
  at!: Date;
}

export class ResponseRateDto {
  @ApiProperty({ description: 'Municipalities it was sent to' })
  targeted!: number;

  @ApiProperty({ description: 'Those that answered not_affected, mitigating or mitigated' })
  answered!: number;

  @ApiProperty({ description: 'Those that only opened it (status read)' })
  readOnly!: number;
}

/** What the list and the full advisory share. */
class AdvisoryHeadDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ enum: SEVERITIES })
  severity!: Severity;

  @ApiProperty({ enum: TLP_LEVELS })
  tlp!: Tlp;

  @ApiProperty({ enum: ADVISORY_STATUSES })
  status!: AdvisoryStatus;

  @ApiProperty()
  respondBy!: Date;

  @ApiProperty({ description: 'Goes up with each update and with the withdrawal' })
  version!: number;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;

  @ApiProperty({ type: ResponseRateDto, nullable: true, description: 'For KommuneCERT only' })
  responseRate!: ResponseRateDto | null;
}

export class AdvisoryDto extends AdvisoryHeadDto {
  @ApiProperty()
  body!: string;

  @ApiProperty({ type: [String] })
  products!: string[];

  @ApiProperty({ type: [String] })
  cveIds!: string[];

  @ApiProperty()
  recommendedActions!: string;

  @ApiProperty(NULLABLE_DATE)
  withdrawnAt!: Date | null;

  @ApiProperty(NULLABLE_TEXT)
  withdrawalReason!: string | null;

  @ApiProperty({ description: "The analyst's e-mail" })
  author!: string;

  @ApiProperty({ type: AudienceViewDto, nullable: true, description: 'For KommuneCERT only' })
  audience!: AudienceViewDto | null;

  @ApiProperty({
    type: MyAdvisoryResponseDto,
    nullable: true,
    description: "The caller's municipality's answer; null for KommuneCERT or before any",
  })
  myResponse!: MyAdvisoryResponseDto | null;

  @ApiProperty({
    type: [LinkedIncidentDto],
    description: 'KommuneCERT sees every linked incident, a municipality only its own',
  })
  incidents!: LinkedIncidentDto[];

  @ApiProperty({ type: [AdvisoryVersionDto], description: 'Oldest first' })
  versions!: AdvisoryVersionDto[];
}

export class AdvisoryListItemDto extends AdvisoryHeadDto {
  @ApiProperty({
    ...NULLABLE_STATUS,
    description: "The caller's municipality's status; null for KommuneCERT",
  })
  myStatus!: ResponseStatus | null;
}

export class AdvisoryListDto {
  @ApiProperty()
  total!: number;

  @ApiProperty({
    type: [AdvisoryListItemDto],
    description:
      'A municipality: active and not yet answered first, then by respond-by. KommuneCERT: newest first',
  })
  items!: AdvisoryListItemDto[];
}

export class ResponseRowDto {
  @ApiProperty()
  municipalityCode!: number;

  @ApiProperty()
  municipalityName!: string;

  @ApiProperty()
  regionCode!: number;

  @ApiProperty({ ...NULLABLE_STATUS, description: 'null: not opened' })
  status!: ResponseStatus | null;

  @ApiProperty({ description: 'not_affected, mitigating or mitigated' })
  answered!: boolean;

  @ApiProperty(NULLABLE_TEXT)
  comment!: string | null;

  @ApiProperty(NULLABLE_DATE)
  statusAt!: Date | null;

  @ApiProperty(NULLABLE_DATE)
  firstReadAt!: Date | null;

  @ApiProperty(NULLABLE_TEXT)
  respondedBy!: string | null;

  @ApiProperty({ ...NULLABLE_DATE, description: 'When it was reminded for the current respond-by' })
  remindedAt!: Date | null;
}

export class AdvisoryResponsesDto {
  @ApiProperty({ format: 'uuid' })
  advisoryId!: string;

  @ApiProperty()
  respondBy!: Date;

  @ApiProperty({ description: 'The respond-by time has passed' })
  overdue!: boolean;

  @ApiProperty({ type: ResponseRateDto })
  rate!: ResponseRateDto;

  @ApiProperty({ type: [ResponseRowDto], description: 'Every targeted municipality, by name' })
  matrix!: ResponseRowDto[];

  @ApiProperty({
    type: [ResponseRowDto],
    description: 'Those that have not answered (no status, or only read), by name',
  })
  notAnswered!: ResponseRowDto[];
}
