import { createHash } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { Edition } from '@app/surveys';
import { renderDanishCsv, renderMachineCsv } from './render/csv-report.renderer';
import { municipalityReportHtml, nationalReportHtml } from './render/html-report.view';
import { renderMunicipalityPdf, renderNationalPdf } from './render/pdf-report.renderer';
import { reportSubtitle } from './render/report-texts';
import { renderXlsx } from './render/xlsx-report.renderer';
import { ReportDataService } from './report-data.service';
import type { ReportModel } from './report-model';
import { reportPage } from './report-page';
import { REPORT_FORMATS, ReportFormat } from './report-formats';
import { ReportKey, ReportsRepository } from './reports.repository';

/** Renders every format of one report from one model and stores each with its hash and statistics version. */
@Injectable()
export class ReportRendererService {
  constructor(
    private readonly data: ReportDataService,
    private readonly reports: ReportsRepository,
  ) {}

  async renderAll(
    edition: Edition,
    key: ReportKey,
    statisticsVersion: number,
  ): Promise<Record<ReportFormat, number>> {
    const model = await this.model(edition, key);
    const timings = {} as Record<ReportFormat, number>;
    for (const format of REPORT_FORMATS) {
      const started = process.hrtime.bigint();
      const content = await this.render(model, format);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      timings[format] = ms;
      const contentHash = createHash('sha256').update(content).digest('hex');
      await this.reports.store(key, format, { content, contentHash, statisticsVersion }, Math.round(ms));
    }
    return timings;
  }

  private async model(edition: Edition, key: ReportKey): Promise<ReportModel> {
    if (key.kind === 'national') return this.data.national(edition);
    const participant = (await this.reports.participants(edition.id)).find(
      (m) => m.code === key.municipalityCode,
    );
    if (!participant)
      throw new NotFoundException(
        `Municipality ${key.municipalityCode} did not take part in ${edition.year}`,
      );
    return this.data.municipality(edition, participant.code, participant.name);
  }

  async render(model: ReportModel, format: ReportFormat): Promise<Buffer> {
    const m = model.kind === 'municipality';
    switch (format) {
      case 'pdf':
        return m ? renderMunicipalityPdf(model) : renderNationalPdf(model);
      case 'csv':
        return Buffer.from(renderDanishCsv(model), 'utf8');
      case 'machine.csv':
        return Buffer.from(renderMachineCsv(model), 'utf8');
      case 'xlsx':
        return renderXlsx(model);
      case 'html': {
        const title = `${model.national.edition.title} – ${reportSubtitle(model)}`;
        return Buffer.from(
          reportPage(title, m ? municipalityReportHtml(model) : nationalReportHtml(model)),
          'utf8',
        );
      }
      case 'json':
        return Buffer.from(JSON.stringify(model, null, 2), 'utf8');
    }
  }
}
