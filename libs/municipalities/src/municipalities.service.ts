import { Injectable, NotFoundException } from '@nestjs/common';
import { MunicipalitiesRepository, MunicipalityView } from './municipalities.repository';
import { readMunicipalities } from './reference-data';

@Injectable()
export class MunicipalitiesService {
  constructor(private readonly municipalities: MunicipalitiesRepository) {}

  list(): Promise<MunicipalityView[]> {
    return this.municipalities.findAll();
  }

  async get(code: number) {
    const m = await this.municipalities.findByCode(code);
    if (!m) throw new NotFoundException(`Municipality ${code} not found`);
    return m;
  }

  /** Loads the shipped reference list; idempotent, so every start may run it. */
  async loadReferenceData(): Promise<number> {
    const rows = readMunicipalities();
    await this.municipalities.upsertReference(rows);
    return rows.length;
  }
}
