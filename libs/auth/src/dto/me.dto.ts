import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '../principal';

export class MeDto {
  @ApiProperty({ enum: ['user', 'api_key'] })
  kind!: 'user' | 'api_key';

  @ApiProperty()
  id!: string;

  @ApiPropertyOptional()
  email?: string;

  @ApiPropertyOptional()
  displayName?: string;

  @ApiPropertyOptional({ enum: ['platform_admin', 'kl_analyst', 'cert_analyst', 'municipality_officer'] })
  role?: string;

  @ApiPropertyOptional({ description: 'API keys only' })
  name?: string;

  @ApiProperty({ nullable: true, type: Number })
  municipalityCode!: number | null;

  static from(p: Principal): MeDto {
    return p.kind === 'user'
      ? {
          kind: 'user',
          id: p.id,
          email: p.email,
          displayName: p.displayName,
          role: p.role,
          municipalityCode: p.municipalityCode,
        }
      : { kind: 'api_key', id: p.id, name: p.name, municipalityCode: p.municipalityCode };
  }
}

export class LoginResponseDto {
  @ApiProperty()
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires' })
  expiresIn!: number;

  @ApiProperty()
  user!: { id: string; email: string; role: string; municipalityCode: number | null };
}
