import { ApiProperty } from '@nestjs/swagger';

export class MunicipalityDto {
  @ApiProperty({ example: 101 })
  code!: number;

  @ApiProperty({ example: 'København' })
  name!: string;

  @ApiProperty({ example: 1084 })
  regionCode!: number;

  @ApiProperty({ example: 'Region Hovedstaden' })
  regionName!: string;

  @ApiProperty()
  population!: number;
}

export class OfficerDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;
}
