import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, AuditService } from '@app/audit';
// Type only, the repository by entity name: the municipalities lib sits above this one (its
// controller uses @app/auth), so a value import would close a circle.
import type { Municipality } from '@app/municipalities';
import type { ApiKey } from './api-key.entity';
import { ApiKeysRepository } from './api-keys.repository';
import type { ApiKeyPrincipal } from './principal';
import { hashSecretToken, newSecretToken } from './secret-tokens';

/** Keys look like `bk_<prefix>_<secret>`; the prefix is stored in clear so people can tell keys apart. */
const KEY_PATTERN = /^bk_([A-Za-z0-9]{8})_[A-Za-z0-9_-]{43}$/;

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  list(): Promise<ApiKey[]> {
    return this.keys.findAll();
  }

  /** Returns the key in clear exactly once; only its hash is stored. */
  async create(
    municipalityCode: number,
    name: string,
    actor: Actor,
  ): Promise<{ apiKey: ApiKey; key: string }> {
    const prefix = newSecretToken(12)
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 8)
      .padEnd(8, '0');
    const key = `bk_${prefix}_${newSecretToken(32)}`;
    return this.dataSource.transaction(async (m) => {
      if (
        !(await m.getRepository<Municipality>('Municipality').exists({ where: { code: municipalityCode } }))
      ) {
        throw new UnprocessableEntityException(`municipalityCode ${municipalityCode} is not a municipality`);
      }
      const apiKey = await this.keys.insert(
        { municipalityCode, name, prefix, keyHash: hashSecretToken(key), createdBy: actor.id },
        m,
      );
      await this.audit.record(
        actor,
        {
          action: 'admin.api-key-created',
          targetType: 'api_key',
          targetId: apiKey.id,
          details: { municipalityCode, name, prefix },
        },
        m,
      );
      return { apiKey, key };
    });
  }

  async revoke(id: string, actor: Actor): Promise<ApiKey> {
    return this.dataSource.transaction(async (m) => {
      const key = await this.keys.findById(id, m);
      if (!key) throw new NotFoundException(`API key ${id} not found`);
      if (!key.revokedAt) {
        await this.keys.revoke(id, m);
        await this.audit.record(
          actor,
          { action: 'admin.api-key-revoked', targetType: 'api_key', targetId: id },
          m,
        );
      }
      return (await this.keys.findById(id, m))!;
    });
  }

  async authenticate(presented: string): Promise<ApiKeyPrincipal | null> {
    if (!KEY_PATTERN.test(presented)) return null;
    const key = await this.keys.touchActive(hashSecretToken(presented));
    return key
      ? {
          kind: 'api_key',
          id: key.id,
          name: key.name,
          prefix: key.prefix,
          municipalityCode: key.municipalityCode,
        }
      : null;
  }
}
