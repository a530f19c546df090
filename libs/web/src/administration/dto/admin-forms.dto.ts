import { IsOptional, IsString, MaxLength } from 'class-validator';

/** A form that only confirms an action: the CSRF token is all it carries. */
export class ConfirmFormDto {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
}

/** The user list's query; a value the form never offers is ignored rather than refused. */
export class UsersFilterDto {
  @IsOptional() @IsString() @MaxLength(40) rolle?: string;
  @IsOptional() @IsString() @MaxLength(10) kommune?: string;
  @IsOptional() @IsString() @MaxLength(20) tilstand?: string;
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @IsString() @MaxLength(10) side?: string;
  @IsOptional() @IsString() @MaxLength(20) besked?: string;
}

export class CreateApiKeyFormDto extends ConfirmFormDto {
  @IsOptional() @IsString() @MaxLength(10) municipalityCode?: string;
  @IsOptional() @IsString() @MaxLength(1000) name?: string;
}

export class ApiKeysQueryDto {
  @IsOptional() @IsString() @MaxLength(20) besked?: string;
}

/** The audit log's query: filters by actor, action and days, and the page. */
export class AuditFilterDto {
  @IsOptional() @IsString() @MaxLength(200) aktoer?: string;
  @IsOptional() @IsString() @MaxLength(100) handling?: string;
  @IsOptional() @IsString() @MaxLength(20) fra?: string;
  @IsOptional() @IsString() @MaxLength(20) til?: string;
  @IsOptional() @IsString() @MaxLength(10) side?: string;
}
