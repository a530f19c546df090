import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role, ROLES } from '@app/users';

/** A municipal system's key as listed: never the secret, only its first characters. */
export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 101 })
  municipalityCode!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'First characters of the key, to tell keys apart' })
  prefix!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  createdBy!: string | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty({ nullable: true, type: Date })
  lastUsedAt!: Date | null;

  @ApiProperty({ nullable: true, type: Date })
  revokedAt!: Date | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key itself; shown in this response only' })
  key!: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ nullable: true, type: Number, description: 'Set exactly for municipality officers' })
  municipalityCode!: number | null;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ nullable: true, type: Date, description: 'The last successful sign-in (web or API)' })
  lastSignedInAt!: Date | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;
}

export class AuditEntryDto {
  @ApiProperty({ description: 'Position in the log (a bigint, as text)', example: '42' })
  seq!: string;

  @ApiProperty()
  occurredAt!: Date;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  actorId!: string | null;

  @ApiProperty({ description: 'Email, `api-key:<prefix>` or `system`' })
  actor!: string;

  @ApiProperty({ example: 'edition.publish' })
  action!: string;

  @ApiProperty({ nullable: true, type: String })
  targetType!: string | null;

  @ApiProperty({ nullable: true, type: String })
  targetId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  address!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;
}

export class AuditHeadDto {
  @ApiProperty({ description: 'Seals in the chain when the head was signed' })
  count!: number;

  @ApiProperty({ nullable: true, type: String })
  lastSeq!: string | null;

  @ApiProperty()
  lastHash!: string;

  @ApiProperty({ description: 'When the head was signed (ISO 8601)' })
  at!: string;

  @ApiProperty()
  signature!: string;
}

const CHAIN_PROBLEMS = [
  'altered',
  'broken-link',
  'missing-entry',
  'truncated',
  'head-mismatch',
  'head-forged',
] as const;

export class ChainBreakDto {
  @ApiProperty({ nullable: true, type: String })
  seq!: string | null;

  @ApiProperty({ enum: CHAIN_PROBLEMS })
  problem!: (typeof CHAIN_PROBLEMS)[number];
}

export class ChainVerificationDto {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ description: 'Sealed entries verified' })
  entries!: number;

  @ApiProperty({ description: 'Entries not sealed yet (the worker seals them within seconds)' })
  unsealed!: number;

  @ApiPropertyOptional({ type: AuditHeadDto, nullable: true, description: 'The head checked against' })
  head!: AuditHeadDto | null;

  @ApiProperty({ type: ChainBreakDto, nullable: true })
  firstBreak!: ChainBreakDto | null;
}

export class PublishedHeadDto {
  @ApiProperty({ type: ChainVerificationDto })
  verification!: ChainVerificationDto;

  @ApiProperty({ type: AuditHeadDto })
  head!: AuditHeadDto;
}
