import { ApiProperty } from '@nestjs/swagger';
import { GROUP_BYS, GroupBy } from './incident-statistics.query';

const NUM = { nullable: true, type: Number } as const;

export class IncidentCountDto {
  @ApiProperty({ description: 'Stable key of the cell (month YYYY-MM, RSIT class, region code, …)' })
  key!: string;

  @ApiProperty({ description: 'Danish label, for charts and tables' })
  label!: string;

  @ApiProperty({ ...NUM, description: 'Incidents; null when suppressed' })
  incidents!: number | null;

  @ApiProperty({ ...NUM, description: 'Incidents per 10,000 inhabitants of the group (or scope)' })
  per10k!: number | null;

  @ApiProperty({ ...NUM, description: 'The same cell a year earlier; null when suppressed there' })
  previousIncidents!: number | null;

  @ApiProperty({ ...NUM, description: 'Change from a year earlier in %; null when either is hidden or zero' })
  changePercent!: number | null;

  @ApiProperty({ description: 'Fewer than K municipalities behind it, or hidden as its complement' })
  suppressed!: boolean;
}

export class ObligationShareDto {
  @ApiProperty({ enum: ['gdpr-art33', 'nis2-early-warning', 'nis2-notification', 'nis2-final-report'] })
  kind!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty({ ...NUM, description: 'Obligations decided: submitted, or due and not submitted' })
  decided!: number | null;

  @ApiProperty({ ...NUM, description: 'Of those, submitted by the due time' })
  metOnTime!: number | null;

  @ApiProperty({ ...NUM, description: 'metOnTime / decided, 0–1' })
  shareMetOnTime!: number | null;

  @ApiProperty()
  suppressed!: boolean;
}

export class MedianTimeDto {
  @ApiProperty({ ...NUM, description: 'Grouped median in hours (interpolated within its bucket)' })
  medianHours!: number | null;

  @ApiProperty({ ...NUM, description: 'Incidents with the time recorded' })
  incidents!: number | null;

  @ApiProperty({ description: 'Fewer than K municipalities behind it' })
  suppressed!: boolean;
}

export class PersonalDataBreachesDto {
  @ApiProperty({ type: IncidentCountDto })
  total!: IncidentCountDto;

  @ApiProperty({ type: [IncidentCountDto], description: 'notified, documented (only), undecided' })
  byStatus!: IncidentCountDto[];

  @ApiProperty({ type: [IncidentCountDto] })
  byType!: IncidentCountDto[];
}

export class IncidentStatisticsScopeDto {
  @ApiProperty({ enum: ['national', 'region', 'municipality'] })
  scope!: 'national' | 'region' | 'municipality';

  @ApiProperty({ description: '`all`, a region code or a municipality code' })
  key!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty({ description: 'Inhabitants (Danmarks Statistik)' })
  population!: number;

  @ApiProperty({ description: 'False for the caller’s own municipality and for KommuneCERT' })
  kSuppressed!: boolean;

  @ApiProperty({ type: IncidentCountDto })
  total!: IncidentCountDto;

  @ApiProperty({ type: [IncidentCountDto], description: 'The series of the groupBy, in order' })
  groups!: IncidentCountDto[];

  @ApiProperty({ type: PersonalDataBreachesDto })
  personalDataBreaches!: PersonalDataBreachesDto;

  @ApiProperty({ type: [ObligationShareDto] })
  obligations!: ObligationShareDto[];

  @ApiProperty({ type: MedianTimeDto })
  awareToContained!: MedianTimeDto;

  @ApiProperty({ type: MedianTimeDto })
  awareToResolved!: MedianTimeDto;
}

export class IncidentStatisticsDto {
  @ApiProperty({ example: '2026-01' })
  from!: string;

  @ApiProperty({ example: '2026-12' })
  to!: string;

  @ApiProperty({ description: 'The same months a year earlier (year on year)' })
  previousFrom!: string;

  @ApiProperty()
  previousTo!: string;

  @ApiProperty({ enum: GROUP_BYS })
  groupBy!: GroupBy;

  @ApiProperty({ description: 'Smallest number of municipalities a published figure describes' })
  k!: number;

  @ApiProperty({ description: 'Version of the stored figures; 0 before the first recompute' })
  version!: number;

  @ApiProperty({ nullable: true, type: Date })
  computedAt!: Date | null;

  @ApiProperty({ description: 'Incidents changed since: a recompute is due' })
  stale!: boolean;

  @ApiProperty({
    type: [IncidentStatisticsScopeDto],
    description: 'National, the regions, then municipalities',
  })
  scopes!: IncidentStatisticsScopeDto[];
}
