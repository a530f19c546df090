/**
 * The size limits of an answer, shared by the API's DTO, the web's autosave DTO, the answer
 * validation and the web form, so the two ways in cannot drift apart again.
 *
 * - A comment is a note beside an answer ("Kun på fjernadgang"), not an essay: 2,000 characters
 *   is what the service has always enforced and what the form's `maxlength` allows. The column
 *   is `text`, so the limit is ours, not the database's; the web DTO's former 4,000 let a longer
 *   comment through to be refused later by the service, with a different status.
 * - A free-text answer's default limit, when the questionnaire gives the question none.
 * - One save may carry at most 500 answers. An API client may save a whole response at once:
 *   the questionnaire has 88 questions today, and 500 leaves room for it to grow without letting
 *   one request hold the transaction for long. The web sends one area or one changed answer, far
 *   below either figure; the former 100 would have refused a whole-response save by autosave.
 * - A question key is at most 120 characters, as the questionnaire schema says.
 */
export const ANSWER_LIMITS = {
  commentMaxLength: 2_000,
  textMaxLength: 4_000,
  answersPerSave: 500,
  questionKeyMaxLength: 120,
} as const;
