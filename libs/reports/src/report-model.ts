import type { BreakdownStatisticsDto, MunicipalityStatisticsDto } from '@app/statistics';
import type { MunicipalityReportDto, NationalReportDto, TrendPointDto } from './dto/report.response';

/** The national figures a report shows: exactly what GET …/statistics/national returns. */
export type { NationalFigures } from '@app/statistics';
/** A municipality's own figures: exactly what GET …/statistics/municipalities/:code returns. */
export type MunicipalityFigures = MunicipalityStatisticsDto;
/** Per region, suppressed below K: GET …/statistics/regions. */
export type RegionFigures = BreakdownStatisticsDto;

/** The JSON format of a report is its model: one definition for both (see dto/report.response.ts). */
export type TrendPoint = TrendPointDto;
export type MunicipalityReportModel = MunicipalityReportDto;
export type NationalReportModel = NationalReportDto;

export type ReportModel = MunicipalityReportModel | NationalReportModel;
