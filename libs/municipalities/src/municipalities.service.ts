import { Injectable, NotFoundException } from '@nestjs/common';
import { AccessPolicy, Permission, Principal } from '@app/auth';
import { UsersService } from '@app/users';
import { MunicipalitiesRepository, MunicipalityView } from './municipalities.repository';
import { readMunicipalities } from './reference-data';

@Injectable()
export class MunicipalitiesService {
  constructor(
    private readonly municipalities: MunicipalitiesRepository,
    private readonly users: UsersService,
    private readonly access: AccessPolicy,
  ) {}

  list(): Promise<MunicipalityView[]> {
    return this.municipalities.findAll();
  }

  async get(code: number) {
    const m = await this.municipalities.findByCode(code);
    if (!m) throw new NotFoundException(`Municipality ${code} not found`);
    return m;
  }

  /** A municipality's active officers: for its own officers and platform administrators only. */
  async officersVisibleTo(code: number, principal: Principal) {
    this.access.requireAccess(principal, Permission.MunicipalityOfficersRead, { municipalityCode: code });
    await this.get(code);
    const officers = await this.users.officersOf(code);
    return officers.map((u) => ({ id: u.id, email: u.email, displayName: u.displayName }));
  }

  /** Loads the shipped reference list; idempotent, so every start may run it. */
  async loadReferenceData(): Promise<number> {
    const rows = readMunicipalities();
    await this.municipalities.upsertReference(rows);
    return rows.length;
  }
}
