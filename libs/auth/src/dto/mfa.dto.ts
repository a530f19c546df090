import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class MfaCodeDto {
  @ApiProperty({
    description: 'A 6-digit code from the authenticator app, or a recovery code',
    example: '123456',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code!: string;
}

export class LoginMfaDto extends MfaCodeDto {
  @ApiProperty({ description: 'The challengeToken from POST /auth/login' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  challengeToken!: string;
}

export class MfaChallengeDto {
  @ApiProperty({ description: 'The challengeToken from POST /auth/login' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  challengeToken!: string;
}

/** Re-authentication for a change to one's own factors: the password, or a current code. */
export class MfaReauthDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({ description: 'A current authenticator code or an unused recovery code' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  code?: string;
}

export class MfaSecondStepDto {
  @ApiProperty({ example: true })
  mfaRequired!: true;

  @ApiProperty({ description: 'Single-use ticket for POST /auth/login/mfa; not an access token' })
  challengeToken!: string;

  @ApiProperty()
  expiresAt!: string;

  @ApiProperty({
    description:
      'No factor is set up and one is required: start with POST /auth/login/mfa/totp, then confirm',
  })
  enrolmentRequired!: boolean;

  @ApiProperty({ enum: ['totp', 'recovery_code', 'webauthn'], isArray: true })
  methods!: string[];
}

export class TotpEnrolmentDto {
  @ApiProperty({ example: 'otpauth://totp/Baseline:kl%40baseline.local?secret=…&issuer=Baseline' })
  otpauthUri!: string;

  @ApiProperty({ description: 'The same secret, base32, for typing into an app by hand' })
  secret!: string;

  @ApiProperty({ description: 'The URI as a QR code (an SVG document)' })
  qrSvg!: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String], description: 'Shown once; each works once. Only their hashes are kept.' })
  recoveryCodes!: string[];
}

export class PasskeyDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) lastUsedAt!: Date | null;
}

export class MfaStatusDto {
  @ApiProperty({ description: 'A confirmed authenticator app' }) totp!: boolean;
  @ApiProperty({ description: 'An enrolment started and not confirmed' }) totpPending!: boolean;
  @ApiProperty() recoveryCodesLeft!: number;
  @ApiProperty({ type: [PasskeyDto] }) passkeys!: PasskeyDto[];
  @ApiProperty({ description: 'This account must sign in with a second factor' }) required!: boolean;
}

export class MfaPolicyDto {
  @ApiProperty({ description: "The municipality's officers must sign in with a second factor" })
  @IsBoolean()
  officersMustUseMfa!: boolean;
}

export class SessionDto {
  @ApiProperty() id!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() lastSeenAt!: Date;
  @ApiProperty({ description: 'Absolute end; it ends earlier after SESSION_IDLE_SECONDS without use' })
  expiresAt!: Date;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ description: 'The session this request came with' }) current!: boolean;
}

export class RevokedSessionsDto {
  @ApiProperty() revoked!: number;
}

export class PasskeyRegistrationDto {
  @ApiProperty({
    description:
      'The RegistrationResponseJSON from navigator.credentials.create() (e.g. @simplewebauthn/browser)',
  })
  @IsObject()
  response!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'A name to tell passkeys apart', example: 'Bærbar' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}

export class PasskeyRegisteredDto {
  @ApiProperty() id!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'When this is the first factor: ten recovery codes, shown once',
  })
  recoveryCodes?: string[];
}

export class LoginPasskeyDto extends MfaChallengeDto {
  @ApiProperty({ description: 'The AuthenticationResponseJSON from navigator.credentials.get()' })
  @IsObject()
  response!: Record<string, unknown>;
}

/** PublicKeyCredentialCreationOptionsJSON or …RequestOptionsJSON, for the browser's WebAuthn call. */
export class WebauthnOptionsDto {
  @ApiProperty() challenge!: string;
  @ApiPropertyOptional() rpId?: string;
  @ApiPropertyOptional({ type: Object }) rp?: Record<string, unknown>;
}
