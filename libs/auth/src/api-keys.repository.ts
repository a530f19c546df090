import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApiKey } from './api-key.entity';

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(ApiKey);
  }

  async insert(
    key: Pick<ApiKey, 'municipalityCode' | 'name' | 'prefix' | 'keyHash' | 'createdBy'>,
    manager?: EntityManager,
  ) {
    const saved = await this.repo(manager).save(this.repo(manager).create(key));
    const { keyHash: _omit, ...safe } = saved;
    return safe as ApiKey;
  }

  findAll(): Promise<ApiKey[]> {
    return this.repo().find({ order: { createdAt: 'DESC' } });
  }

  findById(id: string, manager?: EntityManager): Promise<ApiKey | null> {
    return this.repo(manager).findOne({ where: { id } });
  }

  /** Finds a live key by hash and stamps its last use in the same statement. */
  async touchActive(keyHash: string): Promise<ApiKey | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
    const [rows]: [ApiKey[], number] = await this.dataSource.query(
      `UPDATE api_keys SET last_used_at = now()
       WHERE key_hash = $1 AND revoked_at IS NULL
       RETURNING id, municipality_code AS "municipalityCode", name, prefix`,
      [keyHash],
    );
    return rows[0] ?? null;
  }

  async revoke(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { revokedAt: () => 'now()' });
  }
}
