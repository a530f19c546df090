import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The web forms send strings; they are checked and explained in Danish by edition-forms.ts. */
export class CreateEditionFormDto {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(20) year?: string;
  @IsOptional() @IsString() @MaxLength(400) title?: string;
  @IsOptional() @IsString() @MaxLength(100) copyFrom?: string;
}

export class OpenEditionFormDto {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(20) closesAt?: string;
}

export class EditionActionFormDto {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
}

export class PublishEditionFormDto extends EditionActionFormDto {
  /** "ja" once KL has seen the warning that fewer than K municipalities took part. */
  @IsOptional() @IsString() @MaxLength(10) confirmSmallEdition?: string;
}

export class EditEditionFormDto extends EditionActionFormDto {
  @IsOptional() @IsString() @MaxLength(400) title?: string;
  @IsOptional() @IsString() @MaxLength(20) closesAt?: string;
}

/** Closing early and withdrawing a publication carry a reason for the audit log. */
export class ReasonFormDto extends EditionActionFormDto {
  @IsOptional() @IsString() @MaxLength(4000) reason?: string;
}

/** The participation page's query: filters, order, and the notice after a reminder. */
export class ParticipationFilterDto {
  @IsOptional() @IsString() @MaxLength(10) region?: string;
  @IsOptional() @IsString() @MaxLength(20) status?: string;
  @IsOptional() @IsString() @MaxLength(20) sortering?: string;
  @IsOptional() @IsString() @MaxLength(20) besked?: string;
  @IsOptional() @IsString() @MaxLength(5) kommuner?: string;
  @IsOptional() @IsString() @MaxLength(5) allerede?: string;
}
