import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsMunicipalityCode } from '@app/municipalities';
import { Role, ROLES } from '@app/users';
import { INVITATION_CSV_MAX_ROWS } from '../invitation-csv';

export class CreateInvitationDto {
  @ApiProperty({ example: 'anne.hansen@ballerup.dk' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ROLES, description: 'KL (kl_analyst) may invite municipality_officer only' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    example: 151,
    description: 'Required for municipality_officer, forbidden otherwise',
  })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: number;

  @ApiPropertyOptional({
    example: 'Anne Hansen',
    description: 'Defaults to the part of the address before @',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;
}

export class ImportInvitationsDto {
  @ApiProperty({
    description: `Rows of "municipality code, e-mail, name" separated by semicolons (Danish Excel) or commas; an optional header line. At most ${INVITATION_CSV_MAX_ROWS} rows.`,
    example: 'kommunekode;e-mail;navn\n151;anne.hansen@ballerup.dk;Anne Hansen',
  })
  @IsString()
  @MaxLength(1_000_000)
  csv!: string;

  @ApiPropertyOptional({ default: false, description: 'Check only: report per-row problems, invite nobody' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid', description: 'The invited user’s id' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ nullable: true, type: Number })
  municipalityCode!: number | null;

  @ApiProperty({ enum: ['pending', 'expired', 'revoked'] })
  status!: 'pending' | 'expired' | 'revoked';

  @ApiProperty()
  invitedAt!: Date;

  @ApiProperty({ nullable: true, type: Date, description: 'When the newest link stops working' })
  expiresAt!: Date | null;
}

export class IssuedInvitationDto {
  @ApiProperty({ type: InvitationDto })
  invitation!: InvitationDto;

  @ApiProperty({ description: 'Whether the link was e-mailed to the invitee (SMTP_URL set)' })
  emailed!: boolean;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The one-time set-password link, only when it was not e-mailed: pass it on to the invitee',
  })
  link!: string | null;
}

export class ImportRowProblemDto {
  @ApiProperty({ enum: ['municipalityCode', 'email', 'name'] })
  field!: string;

  @ApiProperty({ example: 'MUNICIPALITY_UNKNOWN' })
  code!: string;

  @ApiProperty()
  message!: string;
}

export class ImportRowDto {
  @ApiProperty({ description: 'Line in the file (1-based)' })
  line!: number;

  @ApiProperty()
  municipalityCode!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: [ImportRowProblemDto] })
  problems!: ImportRowProblemDto[];
}

export class ImportResultDto {
  @ApiProperty()
  dryRun!: boolean;

  @ApiProperty({ type: [ImportRowDto] })
  rows!: ImportRowDto[];

  @ApiProperty()
  valid!: number;

  @ApiProperty()
  invalid!: number;

  @ApiProperty({ type: [IssuedInvitationDto], description: 'Empty on a dry run' })
  invited!: IssuedInvitationDto[];
}
