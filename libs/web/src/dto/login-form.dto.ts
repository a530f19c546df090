import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The sign-in form; emptiness is reported on the page, not as a bare 400. */
export class LoginFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  _csrf?: string;

  /** The token of an e-mailed unlock link, carried by the sign-in form it opened. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  unlock?: string;

  /** The page to return to after sign-in; checked by safeReturnPath, not here, so a bad one only falls back to `/`. */
  @IsOptional()
  @IsString()
  next?: string;
}

export class CsrfFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  _csrf?: string;
}

export class UnlockLinkFormDto extends CsrfFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;
}
