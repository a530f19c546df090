import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The notice after "Log ud andre steder". */
export class AccountQueryDto {
  @IsOptional() @IsString() @MaxLength(20) besked?: string;
  @IsOptional() @IsString() @MaxLength(5) antal?: string;
}
