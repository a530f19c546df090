import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QUESTION_TYPES, QuestionType } from '../edition-status';
import { EditionDto } from './edition.dto';

export class LocalizedTextDto {
  @ApiProperty({ description: 'Danish' })
  da!: string;

  @ApiPropertyOptional({ description: 'English, where the questionnaire has it' })
  en?: string;
}

export class ChoiceOptionDto {
  @ApiProperty()
  value!: string;

  @ApiProperty({ type: LocalizedTextDto })
  label!: LocalizedTextDto;
}

export class QuestionDto {
  @ApiProperty({ example: 'gov-1' })
  key!: string;

  @ApiProperty({ nullable: true, type: String, description: "The previous edition's key of this question" })
  continuesKey!: string | null;

  @ApiProperty({ enum: QUESTION_TYPES })
  type!: QuestionType;

  @ApiProperty({ type: LocalizedTextDto, nullable: true })
  text!: LocalizedTextDto | null;

  @ApiProperty({ type: LocalizedTextDto, nullable: true })
  help!: LocalizedTextDto | null;

  @ApiProperty()
  required!: boolean;

  @ApiProperty()
  allowNotApplicable!: boolean;

  @ApiProperty()
  weight!: number;

  @ApiProperty({ description: 'A scale question with weight above 0: it counts in the index' })
  scored!: boolean;

  @ApiProperty()
  focusArea!: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Number questions only' })
  unit?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Number questions only' })
  min?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Number questions only' })
  max?: number | null;

  @ApiPropertyOptional({ description: 'Number questions only' })
  integer?: boolean;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Text questions only' })
  maxLength?: number | null;

  @ApiPropertyOptional({ type: [ChoiceOptionDto], description: 'Choice questions only' })
  options?: ChoiceOptionDto[];
}

export class ScaleLevelDto {
  @ApiProperty({ example: 3 })
  value!: number;

  @ApiProperty({ type: LocalizedTextDto, nullable: true })
  label!: LocalizedTextDto | null;

  @ApiProperty({ type: LocalizedTextDto, nullable: true })
  description!: LocalizedTextDto | null;
}

export class QuestionnaireAreaDto {
  @ApiProperty()
  key!: string;

  @ApiProperty({ type: LocalizedTextDto, nullable: true })
  title!: LocalizedTextDto | null;

  @ApiProperty({ type: LocalizedTextDto, nullable: true })
  description!: LocalizedTextDto | null;

  @ApiProperty({ nullable: true, type: String, description: 'The NIS2 article the area covers' })
  nis2Ref!: string | null;

  @ApiProperty()
  weight!: number;

  @ApiProperty({ type: [QuestionDto] })
  questions!: QuestionDto[];
}

/** The questionnaire as the API shows it: areas in order with their questions, and the scale. */
export class QuestionnaireDto {
  @ApiProperty({ type: EditionDto })
  edition!: EditionDto;

  @ApiProperty({ type: [ScaleLevelDto] })
  scale!: ScaleLevelDto[];

  @ApiProperty({ type: [QuestionnaireAreaDto] })
  areas!: QuestionnaireAreaDto[];
}
