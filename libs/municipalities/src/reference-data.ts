import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMunicipalityCode } from './municipality-code';

export interface MunicipalityRow {
  code: number;
  name: string;
  regionCode: number;
  regionName: string;
  population: number;
  populationYear: number;
}

/** The verified list of 98 municipalities (Danmarks Statistik FOLK1A population), shipped with the code. */
export const MUNICIPALITIES_CSV = join(__dirname, '..', 'data', 'municipalities.csv');

/** Parses the reference CSV; it has no quoted fields, so a plain split is exact. */
export function parseMunicipalitiesCsv(text: string): MunicipalityRow[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const expected = 'code,name,region_code,region_name,population,population_year';
  if (header.trim() !== expected) throw new Error(`Unexpected municipalities.csv header: ${header}`);
  return lines.map((line, i) => {
    const [code, name, regionCode, regionName, population, populationYear] = line.split(',');
    const row = {
      code: Number(code),
      name,
      regionCode: Number(regionCode),
      regionName,
      population: Number(population),
      populationYear: Number(populationYear),
    };
    if (!isMunicipalityCode(row.code) || !name || !Number.isInteger(row.population)) {
      throw new Error(`municipalities.csv line ${i + 2} is malformed: ${line}`);
    }
    return row;
  });
}

export function readMunicipalities(): MunicipalityRow[] {
  return parseMunicipalitiesCsv(readFileSync(MUNICIPALITIES_CSV, 'utf8'));
}
