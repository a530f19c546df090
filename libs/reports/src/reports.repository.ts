import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfigService } from '@app/config';
import type { ReportFormat } from './report-formats';

export type ReportKind = 'municipality' | 'national';

export interface ReportKey {
  editionId: string;
  kind: ReportKind;
  /** 0 for the national report. */
  municipalityCode: number;
}

export interface StoredReport {
  content: Buffer;
  contentHash: string;
  statisticsVersion: number;
  renderedAt: Date;
}

@Injectable()
export class ReportsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfigService,
  ) {}

  async find(key: ReportKey, format: ReportFormat): Promise<StoredReport | null> {
    const [row] = await this.dataSource.query(
      `SELECT content, content_hash AS "contentHash", statistics_version AS "statisticsVersion", rendered_at AS "renderedAt"
       FROM reports WHERE edition_id = $1 AND kind = $2 AND municipality_code = $3 AND format = $4`,
      [key.editionId, key.kind, key.municipalityCode, format],
    );
    return row ?? null;
  }

  /** Replaces the stored copy unless a newer statistics version is already there. */
  async store(
    key: ReportKey,
    format: ReportFormat,
    report: Omit<StoredReport, 'renderedAt'>,
    renderMs: number,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO reports (edition_id, kind, municipality_code, format, content, content_hash, statistics_version, render_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (edition_id, kind, municipality_code, format) DO UPDATE SET
         content = EXCLUDED.content, content_hash = EXCLUDED.content_hash,
         statistics_version = EXCLUDED.statistics_version, rendered_at = now(), render_ms = EXCLUDED.render_ms
       WHERE reports.statistics_version <= EXCLUDED.statistics_version`,
      [
        key.editionId,
        key.kind,
        key.municipalityCode,
        format,
        report.content,
        report.contentHash,
        report.statisticsVersion,
        renderMs,
      ],
    );
  }

  async countDownload(key: ReportKey, format: ReportFormat, userId: string | null): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO report_downloads (edition_id, kind, municipality_code, format, user_id) VALUES ($1, $2, $3, $4, $5)`,
      [key.editionId, key.kind, key.municipalityCode, format, userId],
    );
  }

  /** Municipalities that took part (submitted), whose reports can be rendered. */
  async participants(editionId: string): Promise<Array<{ code: number; name: string }>> {
    return this.dataSource.query(
      `SELECT m.code, m.name FROM responses r JOIN municipalities m ON m.code = r.municipality_code
       WHERE r.edition_id = $1 AND r.status = 'submitted' ORDER BY m.code`,
      [editionId],
    );
  }

  /**
   * Own overall index and the national average per edition, for the trend chart. The national average
   * is published only where it rests on at least K overall indices (and so K participants), as the
   * statistics service publishes it; below that it would describe the few others beside the reader's own.
   */
  async trend(
    municipalityCode: number,
    years: number[],
  ): Promise<
    Array<{ year: number; own: number | null; national: number | null; nationalSuppressed: boolean }>
  > {
    const rows = await this.dataSource.query(
      `SELECT e.year,
              (SELECT score FROM municipality_scores s WHERE s.edition_id = e.id AND s.municipality_code = $1
                 AND s.subject_type = 'overall') AS own,
              CASE WHEN nat.n >= $3 THEN nat.mean END AS national, nat.n < $3 AS national_suppressed
       FROM editions e
       LEFT JOIN edition_statistics nat ON nat.edition_id = e.id AND nat.scope_type = 'national'
                                       AND nat.subject_type = 'overall'
       WHERE e.year = ANY($2::int[]) ORDER BY e.year`,
      [municipalityCode, years, this.config.anonymityK],
    );
    type Row = {
      year: number;
      own: string | null;
      national: string | null;
      national_suppressed: boolean | null;
    };
    return rows.map((r: Row) => ({
      year: r.year,
      own: r.own === null ? null : Math.round(Number(r.own) * 1000) / 1000,
      national: r.national === null ? null : Math.round(Number(r.national) * 1000) / 1000,
      nationalSuppressed: r.national_suppressed === true,
    }));
  }

  /** Municipalities with at least one officer sign-in, per month (from the audit log). */
  async activeMunicipalitiesPerMonth(): Promise<Array<{ month: string; activeMunicipalities: number }>> {
    return this.dataSource.query(
      `SELECT to_char(date_trunc('month', a.occurred_at AT TIME ZONE 'Europe/Copenhagen'), 'YYYY-MM') AS month,
              count(DISTINCT u.municipality_code)::int AS "activeMunicipalities"
       FROM audit_log a JOIN users u ON u.id = a.actor_id
       WHERE a.action = 'auth.signed-in' AND u.municipality_code IS NOT NULL
       GROUP BY 1 ORDER BY 1`,
    );
  }

  /**
   * Downloads per edition and municipality (0 = the national report): every hit, and the unique
   * downloads, counted once per user, report and Danish calendar day, whatever the format (a user
   * who fetches the PDF three times and the CSV once that day has downloaded the report once).
   * A download without a user (the account was deleted) counts on its own.
   */
  async downloads(): Promise<
    Array<{
      year: number;
      municipalityCode: number;
      municipalityName: string | null;
      downloads: number;
      uniqueDownloads: number;
    }>
  > {
    return this.dataSource.query(
      `SELECT e.year, d.municipality_code AS "municipalityCode", m.name AS "municipalityName",
              count(*)::int AS downloads,
              count(DISTINCT (coalesce(d.user_id::text, 'download:' || d.id), d.kind,
                              (d.downloaded_at AT TIME ZONE 'Europe/Copenhagen')::date))::int AS "uniqueDownloads"
       FROM report_downloads d JOIN editions e ON e.id = d.edition_id
       LEFT JOIN municipalities m ON m.code = d.municipality_code
       GROUP BY e.year, d.municipality_code, m.name ORDER BY e.year, d.municipality_code`,
    );
  }
}
