import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsMunicipalityCode } from '@app/municipalities';

export class CreateApiKeyDto {
  @ApiProperty({ example: 151, minimum: 100, maximum: 999 })
  @IsMunicipalityCode()
  municipalityCode!: number;

  @ApiProperty({ example: 'SIEM incident push' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}
