export const EDITION_STATUSES = ['draft', 'open', 'closed', 'published'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

export const QUESTION_TYPES = ['scale', 'yes_no', 'single_choice', 'multi_choice', 'number', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Danish and (optionally) English text. */
export interface LocalizedText {
  da: string;
  en?: string;
}

export interface ChoiceOption {
  value: string;
  label: LocalizedText;
}
