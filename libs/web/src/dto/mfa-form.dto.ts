import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { CsrfFormDto } from './login-form.dto';

/** A code from the app or a recovery code; emptiness is reported on the page. */
export class MfaCodeFormDto extends CsrfFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  code?: string;

  /** Checked by safeReturnPath, not here. */
  @IsOptional()
  @IsString()
  next?: string;
}

export class MfaPasswordFormDto extends CsrfFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;
}

/** passkeys.js: a WebAuthn response as JSON, the CSRF token in the X-CSRF-Token header. */
export class PasskeyFormDto {
  @IsObject()
  response!: Record<string, unknown>;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  /** Checked by safeReturnPath, not here. */
  @IsOptional()
  @IsString()
  next?: string;
}
