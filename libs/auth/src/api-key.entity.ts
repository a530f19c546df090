import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
// Another lib's entity: a type import, and the relation by entity name, so that loading the entity
// list (libs/database/src/entities.ts) loads no lib index, with its modules, config and circles.
import type { Municipality } from '@app/municipalities';

/** A credential for a municipal system; only a SHA-256 of the secret is kept. */
@Entity('api_keys')
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_api_keys_municipality_code')
  @Column({ type: 'smallint' })
  municipalityCode!: number;

  @ManyToOne('Municipality', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code' })
  municipality?: Municipality;

  @Column({ type: 'text' })
  name!: string;

  /** First characters of the key, shown in listings so people can tell keys apart. */
  @Column({ type: 'text' })
  prefix!: string;

  @Index('UQ_api_keys_key_hash', { unique: true })
  @Column({ type: 'text', select: false })
  keyHash!: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
