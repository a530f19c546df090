import { ApiProperty } from '@nestjs/swagger';
import {
  BreakdownStatisticsDto,
  IncidentQuartilesDto,
  MunicipalityStatisticsDto,
  NationalStatisticsDto,
} from '@app/statistics';

export class ReportMunicipalityDto {
  @ApiProperty()
  code!: number;

  @ApiProperty()
  name!: string;
}

export class TrendPointDto {
  @ApiProperty()
  year!: number;

  @ApiProperty({ nullable: true, type: Number })
  own!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  national!: number | null;

  @ApiProperty({
    description: 'The national mean rests on fewer than K municipalities and is hidden (national is null)',
  })
  nationalSuppressed!: boolean;
}

/** The JSON format of a municipality's report: the figures it is drawn from. */
export class MunicipalityReportDto {
  @ApiProperty({ enum: ['municipality'] })
  kind!: 'municipality';

  @ApiProperty({ type: ReportMunicipalityDto })
  municipality!: ReportMunicipalityDto;

  @ApiProperty({ type: MunicipalityStatisticsDto })
  figures!: MunicipalityStatisticsDto;

  @ApiProperty({ type: NationalStatisticsDto })
  national!: NationalStatisticsDto;

  @ApiProperty({ type: [TrendPointDto], description: 'Every published edition, oldest first' })
  trend!: TrendPointDto[];

  @ApiProperty()
  generatedAt!: Date;
}

/** The JSON format of the national report. */
export class NationalReportDto {
  @ApiProperty({ enum: ['national'] })
  kind!: 'national';

  @ApiProperty({ type: NationalStatisticsDto })
  national!: NationalStatisticsDto;

  @ApiProperty({ type: BreakdownStatisticsDto })
  regions!: BreakdownStatisticsDto;

  @ApiProperty({
    type: IncidentQuartilesDto,
    description:
      "KommuneCERT's incidents of the edition's year per 10,000 inhabitants, by quartile of the " +
      "participants' overall index; K-suppressed with complements, no quartile boundaries (docs/statistics.md)",
  })
  incidentQuartiles!: IncidentQuartilesDto;

  @ApiProperty()
  generatedAt!: Date;
}

export class MonthlyActivityDto {
  @ApiProperty({ example: '2026-03' })
  month!: string;

  @ApiProperty()
  activeMunicipalities!: number;
}

export class ReportDownloadsDto {
  @ApiProperty()
  year!: number;

  @ApiProperty({ description: '0 for the national report' })
  municipalityCode!: number;

  @ApiProperty({ nullable: true, type: String })
  municipalityName!: string | null;

  @ApiProperty({ description: 'Every download (raw hits)' })
  downloads!: number;

  @ApiProperty({
    description: 'Downloads counted once per user, report and day (Danish time), whatever the format',
  })
  uniqueDownloads!: number;
}

/** Platform activity and report downloads, for KL. Counts only. */
export class UsageDto {
  @ApiProperty({ type: [MonthlyActivityDto] })
  activeMunicipalitiesPerMonth!: MonthlyActivityDto[];

  @ApiProperty({ type: [ReportDownloadsDto] })
  downloads!: ReportDownloadsDto[];
}
