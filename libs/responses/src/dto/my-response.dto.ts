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
import { ANSWER_LIMITS } from '../answer-limits';

export class AnswerInputDto {
  @ApiProperty({ example: 'access.mfa' })
  @IsString()
  @MinLength(1)
  @MaxLength(ANSWER_LIMITS.questionKeyMaxLength)
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

  @ApiPropertyOptional({ nullable: true, maxLength: ANSWER_LIMITS.commentMaxLength })
  @IsOptional()
  @IsString()
  @MaxLength(ANSWER_LIMITS.commentMaxLength)
  comment?: string | null;
}

export class SaveAnswersDto {
  @ApiProperty({
    description:
      'The version the changes are based on (0 before the first save): a question a colleague changed after it is not overwritten but returned in `conflicts`',
  })
  @IsInt()
  @Min(0)
  version!: number;

  @ApiProperty({ type: [AnswerInputDto], maxItems: ANSWER_LIMITS.answersPerSave })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ANSWER_LIMITS.answersPerSave)
  @ValidateNested({ each: true })
  @Type(() => AnswerInputDto)
  answers!: AnswerInputDto[];
}

export class HistoryQueryDto {
  @ApiPropertyOptional({ example: 'access.mfa', description: 'Only the changes of this question' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(ANSWER_LIMITS.questionKeyMaxLength)
  questionKey?: string;
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
