import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { AccessPolicy, actorOf, Permission, Principal } from '@app/auth';
import { Clock } from '@app/config';
import type { FileToSend } from '@app/http';
import { copenhagenDate } from '../copenhagen-time';
import { INCIDENT_EXPORT_TYPES, type IncidentExportFormat } from '../export/incident-list-export';
import { incidentStatisticsCsv, incidentStatisticsXlsx } from '../export/incident-statistics-export';
import type { IncidentStatisticsQueryDto } from './dto/incident-statistics.query';
import type { IncidentStatisticsScopeDto } from './dto/incident-statistics.response';
import { IncidentStatisticsRepository, MonthClassCount } from './incident-statistics.repository';
import { IncidentStatisticsService } from './incident-statistics.service';

/**
 * A calendar year's figures for the yearly mapping PDF: the whole country and the five regions,
 * never a municipality, so that the PDF can be passed on beyond KommuneCERT.
 */
export interface IncidentYearFigures {
  year: number;
  computedAt: Date | null;
  stale: boolean;
  /** National: total, months, breaches, obligations, medians; each count with the year before. */
  national: IncidentStatisticsScopeDto;
  /** The national series per RSIT class and per severity. */
  classes: IncidentStatisticsScopeDto['groups'];
  severities: IncidentStatisticsScopeDto['groups'];
  /** The five regions, in code order, with their totals per 10,000 inhabitants. */
  regions: IncidentStatisticsScopeDto[];
  monthsByClass: MonthClassCount[];
}

/**
 * What leaves the platform from the incident statistics, for KommuneCERT alone: the figures as a
 * spreadsheet, and a year's national and regional figures for the mapping PDF. Each is audited.
 */
@Injectable()
export class IncidentStatisticsExportService {
  constructor(
    private readonly statistics: IncidentStatisticsService,
    private readonly repo: IncidentStatisticsRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The same figures as `GET /incident-statistics` with the same query, as CSV or XLSX. */
  async export(
    principal: Principal,
    query: IncidentStatisticsQueryDto,
    format: IncidentExportFormat,
    address?: string,
  ): Promise<FileToSend> {
    this.access.requireAccess(principal, Permission.IncidentExport, { what: 'statistics' });
    const stats = await this.statistics.read(principal, query);
    const now = this.clock.now();
    await this.audit.record(actorOf(principal, address), {
      action: 'incident.statistics-exported',
      targetType: 'incident',
      details: { format, from: stats.from, to: stats.to, groupBy: stats.groupBy },
    });
    return {
      content: format === 'csv' ? incidentStatisticsCsv(stats) : await incidentStatisticsXlsx(stats, now),
      contentType: INCIDENT_EXPORT_TYPES[format],
      filename: `kommunecert-haendelsesstatistik-${stats.from}-${stats.to}-${stats.groupBy}-${copenhagenDate(now)}.${format}`,
      disposition: 'attachment',
    };
  }

  /**
   * KommuneCERT's download of a year's mapping PDF: the access check and the audit entry. The
   * figures themselves come from `yearFigures`, which the worker calls as well.
   */
  async authorizeMapping(principal: Principal, year: number, address?: string): Promise<void> {
    this.access.requireAccess(principal, Permission.IncidentExport, { what: 'mapping' });
    await this.audit.record(actorOf(principal, address), {
      action: 'incident.mapping-exported',
      targetType: 'incident',
      details: { year },
    });
  }

  /** The version of the stored figures, which a stored mapping PDF is compared against. */
  async version(): Promise<number> {
    return (await this.repo.state()).version;
  }

  /**
   * A calendar year's national and regional figures, unsuppressed, for the mapping PDF. The
   * municipalities' scopes are dropped here, so nothing built from the result can name one.
   */
  async yearFigures(year: number): Promise<IncidentYearFigures> {
    const range = { from: `${year}-01`, to: `${year}-12` };
    const [byMonth, byClass, bySeverity, monthsByClass] = await Promise.all([
      this.statistics.readUnsuppressed({ ...range, groupBy: 'month' }),
      this.statistics.readUnsuppressed({ ...range, groupBy: 'rsitClass' }),
      this.statistics.readUnsuppressed({ ...range, groupBy: 'severity' }),
      this.repo.monthsByClass(`${range.from}-01`, `${range.to}-01`),
    ]);
    const national = (s: IncidentStatisticsScopeDto[]) => s.find((x) => x.scope === 'national')!;
    return {
      year,
      computedAt: byMonth.computedAt,
      stale: byMonth.stale,
      national: national(byMonth.scopes),
      classes: national(byClass.scopes).groups,
      severities: national(bySeverity.scopes).groups,
      regions: byMonth.scopes.filter((s) => s.scope === 'region'),
      monthsByClass,
    };
  }
}
