import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfigService } from '@app/config';
import type { User } from '@app/users';

/** Who must use a second factor: the roles in MFA_REQUIRED_ROLES, and officers of municipalities that ask for it. */
@Injectable()
export class MfaPolicy {
  constructor(
    private readonly config: AppConfigService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async requiredFor(user: Pick<User, 'role' | 'municipalityCode'>): Promise<boolean> {
    if (this.config.mfaRequiredRoles.includes(user.role)) return true;
    if (user.role !== 'municipality_officer' || user.municipalityCode === null) return false;
    // Raw SQL: the municipalities lib sits above this one (it uses @app/auth).
    const rows: Array<{ required: boolean }> = await this.dataSource.query(
      'SELECT officers_must_use_mfa AS required FROM municipalities WHERE code = $1',
      [user.municipalityCode],
    );
    return rows[0]?.required === true;
  }

  /** Sets a municipality's rule; false when there is no such municipality. */
  async setForMunicipality(code: number, required: boolean): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      'UPDATE municipalities SET officers_must_use_mfa = $2 WHERE code = $1',
      [code, required],
    );
    return affected === 1;
  }
}
