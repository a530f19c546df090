import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The sign-off form; an unticked confirmation is reported on the page, not as a bare 400. */
export class SubmitFormDto {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(20) version?: string;
  @IsOptional() @IsString() @MaxLength(20) confirm?: string;
}

/** Reopening a submitted response. */
export class ReopenFormDto {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(20) version?: string;
}
