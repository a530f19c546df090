import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CsrfFormDto } from '../dto/login-form.dto';

/** Emptiness and the password rules are reported on the page, not as a bare 400. */
export class SetPasswordFormDto extends CsrfFormDto {
  @IsOptional() @IsString() @MaxLength(200) token?: string;
  @IsOptional() @IsString() @MaxLength(1024) password?: string;
  @IsOptional() @IsString() @MaxLength(1024) passwordRepeat?: string;
}

export class ChangePasswordFormDto extends CsrfFormDto {
  @IsOptional() @IsString() @MaxLength(1024) currentPassword?: string;
  @IsOptional() @IsString() @MaxLength(1024) password?: string;
  @IsOptional() @IsString() @MaxLength(1024) passwordRepeat?: string;
}

export class ForgotPasswordFormDto extends CsrfFormDto {
  @IsOptional() @IsString() @MaxLength(254) email?: string;
}

export class InviteFormDto extends CsrfFormDto {
  @IsOptional() @IsString() @MaxLength(254) email?: string;
  @IsOptional() @IsString() @MaxLength(200) displayName?: string;
  @IsOptional() @IsString() @MaxLength(40) role?: string;
  @IsOptional() @IsString() @MaxLength(10) municipalityCode?: string;
}

export class ImportFormDto extends CsrfFormDto {
  @IsOptional() @IsString() @MaxLength(1_000_000) csv?: string;
  @IsOptional() @IsString() @MaxLength(10) dryRun?: string;
}
