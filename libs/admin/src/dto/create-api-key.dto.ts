import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty({ example: 151 })
  @IsInt()
  @Min(100)
  @Max(999)
  municipalityCode!: number;

  @ApiProperty({ example: 'SIEM incident push' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}
