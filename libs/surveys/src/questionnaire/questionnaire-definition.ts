import type { ChoiceOption, LocalizedText, QuestionType } from '../edition-status';

/** The questionnaire file format (libs/surveys/questionnaires/*.questionnaire.json). */
export interface QuestionDefinition {
  key: string;
  continues?: string;
  type: QuestionType;
  text: LocalizedText;
  help?: LocalizedText;
  required: boolean;
  allowNotApplicable: boolean;
  weight: number;
  focusArea?: boolean;
  unit?: LocalizedText;
  min?: number;
  max?: number;
  integer?: boolean;
  maxLength?: number;
  options?: ChoiceOption[];
}

export interface AreaDefinition {
  key: string;
  title: LocalizedText;
  description?: LocalizedText;
  nis2Ref?: string | null;
  weight: number;
  questions: QuestionDefinition[];
}

export interface QuestionnaireDefinition {
  version: string;
  title: LocalizedText;
  scale: {
    key: string;
    source?: string;
    levels: Array<{ value: number; label: LocalizedText; description: LocalizedText }>;
  };
  areas: AreaDefinition[];
}
