import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

/** Lengths here only keep absurd input out; the password rules are checked by passwordProblem. */
export class PasswordResetRequestDto {
  @ApiProperty({ example: 'anne.hansen@ballerup.dk' })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class SetPasswordDto {
  @ApiProperty({ description: 'The token from the invitation or reset link (`?token=`)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;

  @ApiProperty({
    minLength: 12,
    maxLength: 256,
    description: 'At least 12 characters, not a common password',
  })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({
    minLength: 12,
    maxLength: 256,
    description: 'At least 12 characters, not a common password',
  })
  @IsString()
  @MaxLength(1024)
  newPassword!: string;
}

export class PasswordResetAcceptedDto {
  @ApiProperty({ example: 'If the address has an account, a link has been sent to it.' })
  message!: string;
}

export class PasswordSetDto {
  @ApiProperty()
  email!: string;
}
