/**
 * Read-only views of this lib's tables for the libs that aggregate answers (the statistics), so
 * that they do not depend on how responses and answers are stored. Created in the migration
 * `ResponsesReadViews`; the app role may only SELECT them (libs/database/src/app-role.ts).
 * A change to `responses` or `answers` keeps these views' columns and meaning.
 */
export const RESPONSES_READ_VIEWS = {
  /** `(edition_id, municipality_code, submitted_at)`: one row per submitted response. */
  submittedResponses: 'submitted_responses',
  /**
   * `(edition_id, municipality_code, question_id, value_number)`: the numeric answers of submitted
   * responses; "not applicable" and empty answers are left out (they are not scored).
   */
  submittedAnswerValues: 'submitted_answer_values',
} as const;
