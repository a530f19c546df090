import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface StoredIncidentMapping {
  content: Buffer;
  statisticsVersion: number;
}

/** The stored yearly mapping PDFs, one per year, each with the statistics version it shows. */
@Injectable()
export class IncidentMappingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(year: number): Promise<StoredIncidentMapping | null> {
    const [row] = await this.dataSource.query(
      `SELECT content, statistics_version AS "statisticsVersion" FROM incident_mapping_pdfs WHERE year = $1`,
      [year],
    );
    return row ?? null;
  }

  /** Replaces the stored copy unless a newer statistics version is already there. */
  async store(year: number, mapping: StoredIncidentMapping, renderMs: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO incident_mapping_pdfs (year, statistics_version, content, render_ms) VALUES ($1, $2, $3, $4)
       ON CONFLICT (year) DO UPDATE SET statistics_version = EXCLUDED.statistics_version,
         content = EXCLUDED.content, rendered_at = now(), render_ms = EXCLUDED.render_ms
       WHERE incident_mapping_pdfs.statistics_version <= EXCLUDED.statistics_version`,
      [year, mapping.statisticsVersion, mapping.content, renderMs],
    );
  }
}
