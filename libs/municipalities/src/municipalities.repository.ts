import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Municipality } from './municipality.entity';
import type { MunicipalityRow } from './reference-data';

export interface MunicipalityView {
  code: number;
  name: string;
  regionCode: number;
  regionName: string;
  population: number;
}

@Injectable()
export class MunicipalitiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findAll(): Promise<MunicipalityView[]> {
    return this.dataSource.query(
      `SELECT m.code, m.name, m.region_code AS "regionCode", r.name AS "regionName", m.population
       FROM municipalities m JOIN regions r ON r.code = m.region_code ORDER BY m.code`,
    );
  }

  async findByCode(code: number): Promise<Municipality | null> {
    return this.dataSource
      .getRepository(Municipality)
      .findOne({ where: { code }, relations: { region: true } });
  }

  /** Inserts or updates regions and municipalities in one transaction; running it twice changes nothing. */
  async upsertReference(rows: MunicipalityRow[]): Promise<void> {
    const regions = [...new Map(rows.map((r) => [r.regionCode, r.regionName])).entries()];
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO regions (code, name) SELECT * FROM unnest($1::smallint[], $2::text[])
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
        [regions.map(([c]) => c), regions.map(([, n]) => n)],
      );
      await m.query(
        `INSERT INTO municipalities (code, name, region_code, population, population_year)
         SELECT * FROM unnest($1::smallint[], $2::text[], $3::smallint[], $4::int[], $5::smallint[])
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code,
           population = EXCLUDED.population, population_year = EXCLUDED.population_year`,
        [
          rows.map((r) => r.code),
          rows.map((r) => r.name),
          rows.map((r) => r.regionCode),
          rows.map((r) => r.population),
          rows.map((r) => r.populationYear),
        ],
      );
    });
  }
}
