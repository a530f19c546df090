import { Injectable, Logger } from '@nestjs/common';
import { AppConfigService } from '@app/config';
import { MunicipalitiesService } from '@app/municipalities';
import { PasswordHasher, UsersRepository } from '@app/users';
import { DemoAdvisoriesSeeder } from './demo-advisories.seeder';
import { DemoEditionsSeeder } from './demo-editions.seeder';
import { DemoIncidentsSeeder } from './demo-incidents.seeder';
import { demoUsers } from './demo-users';

export class DemoSeedRefusedException extends Error {
  constructor() {
    super('Refusing to seed demo data when NODE_ENV=production');
  }
}

/** Reference data always; demo accounts (and later demo editions) only outside production. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly municipalities: MunicipalitiesService,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly config: AppConfigService,
    private readonly editions: DemoEditionsSeeder,
    private readonly incidents: DemoIncidentsSeeder,
    private readonly advisories: DemoAdvisoriesSeeder,
  ) {}

  async seedReference(): Promise<void> {
    const count = await this.municipalities.loadReferenceData();
    this.logger.log(`Reference data: ${count} municipalities`);
  }

  /**
   * Idempotent: existing accounts (and their passwords), editions, incidents and advisories are left
   * as they are.
   */
  async seedDemo(): Promise<void> {
    if (this.config.isProduction) throw new DemoSeedRefusedException();
    await this.seedReference();
    const wanted = demoUsers(await this.municipalities.list());
    const existing = await this.users.findExistingEmails(wanted.map((u) => u.email));
    const missing = wanted.filter((u) => !existing.has(u.email.toLowerCase()));
    if (missing.length > 0) {
      // One argon2id hash of the demo password serves every demo account: hashing 101 times
      // would only slow the first start, and these accounts share one documented password anyway.
      const passwordHash = await this.hasher.hash(this.config.demoPassword);
      const inserted = await this.users.insertMissing(missing.map((u) => ({ ...u, passwordHash })));
      this.logger.log(`Demo users: ${inserted} created`);
    }
    await this.editions.seed();
    await this.incidents.seed();
    await this.advisories.seed();
  }
}
