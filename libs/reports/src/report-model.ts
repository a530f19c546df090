import type { BreakdownStatisticsDto, MunicipalityStatisticsDto, NationalFigures } from '@app/statistics';

/** The national figures a report shows: exactly what GET …/statistics/national returns. */
export type { NationalFigures } from '@app/statistics';
/** A municipality's own figures: exactly what GET …/statistics/municipalities/:code returns. */
export type MunicipalityFigures = MunicipalityStatisticsDto;
/** Per region, suppressed below K: GET …/statistics/regions. */
export type RegionFigures = BreakdownStatisticsDto;

export interface TrendPoint {
  year: number;
  own: number | null;
  national: number | null;
}

export interface MunicipalityReportModel {
  kind: 'municipality';
  municipality: { code: number; name: string };
  figures: MunicipalityFigures;
  national: NationalFigures;
  /** Own overall index and the national average in every published edition, oldest first. */
  trend: TrendPoint[];
  generatedAt: Date;
}

export interface NationalReportModel {
  kind: 'national';
  national: NationalFigures;
  regions: RegionFigures;
  generatedAt: Date;
}

export type ReportModel = MunicipalityReportModel | NationalReportModel;
