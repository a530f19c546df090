import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class AnswerInputDto {
  @ApiProperty({ example: 'access.mfa' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  questionKey!: string;

  @ApiPropertyOptional({
    description:
      'scale: level number; yes_no: boolean; number: number; single_choice: option value; multi_choice: option values; text: string; null clears',
    oneOf: [
      { type: 'number' },
      { type: 'boolean' },
      { type: 'string' },
      { type: 'array', items: { type: 'string' } },
    ],
    nullable: true,
  })
  @Allow()
  value?: unknown;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  notApplicable?: boolean;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}

export class SaveAnswersDto {
  @ApiProperty({ description: 'The version the changes are based on (0 before the first save)' })
  @IsInt()
  @Min(0)
  version!: number;

  @ApiProperty({ type: [AnswerInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AnswerInputDto)
  answers!: AnswerInputDto[];
}

export class SubmitResponseDto {
  @ApiProperty({ description: 'The version being signed off' })
  @IsInt()
  @Min(0)
  version!: number;
}

export class ReopenResponseDto {
  @ApiProperty()
  @IsInt()
  @Min(0)
  version!: number;
}
