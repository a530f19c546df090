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
import { ANSWER_LIMITS } from '@app/responses';

/** One answer as autosave.js reads it from the form: the fields' strings, not typed values. */
export class AutosaveAnswerDto {
  @IsString()
  @MinLength(1)
  @MaxLength(ANSWER_LIMITS.questionKeyMaxLength)
  questionKey!: string;

  /** A string, a list of strings (multiple choice) or null; checked against the question type when parsed. */
  @Allow()
  value?: unknown;

  @IsOptional()
  @IsBoolean()
  notApplicable?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(ANSWER_LIMITS.commentMaxLength)
  comment?: string | null;
}

export class AutosaveDto {
  @IsInt()
  @Min(0)
  version!: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ANSWER_LIMITS.answersPerSave)
  @ValidateNested({ each: true })
  @Type(() => AutosaveAnswerDto)
  answers!: AutosaveAnswerDto[];
}
