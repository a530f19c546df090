import { Injectable } from '@nestjs/common';
import { Clock } from '@app/config';
import { PUBLIC, StatisticsService } from '@app/statistics';
import { Edition, EditionsService } from '@app/surveys';
import type { MunicipalityReportModel, NationalReportModel } from './report-model';
import { ReportsRepository } from './reports.repository';

/** Gathers what a report shows; every figure comes from the statistics service, already suppressed. */
@Injectable()
export class ReportDataService {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly editions: EditionsService,
    private readonly reports: ReportsRepository,
    private readonly clock: Clock,
  ) {}

  async municipality(edition: Edition, code: number, name: string): Promise<MunicipalityReportModel> {
    // The national figures are computed once and shared with the municipality's comparison.
    const [national, published] = await Promise.all([
      this.statistics.nationalOf(edition, PUBLIC),
      this.editions.findAll(),
    ]);
    const figures = await this.statistics.municipalityOf(edition, code, national);
    const years = published
      .filter((e) => e.status === 'published' && e.year <= edition.year)
      .map((e) => e.year);
    return {
      kind: 'municipality',
      municipality: { code, name },
      figures,
      national,
      trend: await this.reports.trend(code, years),
      generatedAt: this.clock.now(),
    };
  }

  async national(edition: Edition): Promise<NationalReportModel> {
    const [national, regions, incidentQuartiles] = await Promise.all([
      this.statistics.nationalOf(edition, PUBLIC),
      this.statistics.breakdownOf(edition, 'region'),
      this.statistics.incidentQuartilesOf(edition),
    ]);
    return { kind: 'national', national, regions, incidentQuartiles, generatedAt: this.clock.now() };
  }
}
