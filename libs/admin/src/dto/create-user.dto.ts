import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsMunicipalityCode } from '@app/municipalities';
import { Role, ROLES } from '@app/users';

export class CreateUserDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ description: 'Required for municipality_officer, forbidden otherwise' })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: number;
}

export class SetUserActiveDto {
  @ApiProperty()
  @IsIn([true, false])
  active!: boolean;
}
