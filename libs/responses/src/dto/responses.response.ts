import { ApiProperty } from '@nestjs/swagger';
import { EDITION_STATUSES } from '@app/surveys';
import type { EditionStatus } from '@app/surveys';

const ANSWER_VALUE = {
  nullable: true,
  description:
    'By question type: scale level (number), yes/no (boolean), choice (string, or array of strings for ' +
    'multi_choice), number, or text; null when not answered or not applicable',
  oneOf: [
    { type: 'number' },
    { type: 'boolean' },
    { type: 'string' },
    { type: 'array', items: { type: 'string' } },
  ],
};

export class AnswerViewDto {
  @ApiProperty({ example: 'access.mfa' })
  questionKey!: string;

  @ApiProperty(ANSWER_VALUE)
  value!: unknown;

  @ApiProperty()
  notApplicable!: boolean;

  @ApiProperty({ nullable: true, type: String })
  comment!: string | null;

  @ApiProperty()
  updatedAt!: Date;
}

/** The signed-in officer's municipality's response to an edition (version 0: not started). */
export class MyResponseDto {
  @ApiProperty({ format: 'uuid' })
  editionId!: string;

  @ApiProperty()
  municipalityCode!: number;

  @ApiProperty({ enum: ['draft', 'submitted'] })
  status!: 'draft' | 'submitted';

  @ApiProperty({
    description:
      'Send it back with the next save (answers a colleague changed after it come back as conflicts) and with submit or reopen (which must name the current version)',
  })
  version!: number;

  @ApiProperty({ description: 'Whether the edition is open and the response not submitted' })
  editable!: boolean;

  @ApiProperty({ nullable: true, type: Date })
  submittedAt!: Date | null;

  @ApiProperty({ nullable: true, type: String })
  submittedByName!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Receipt of the submission' })
  receiptCode!: string | null;

  @ApiProperty({ type: [AnswerViewDto] })
  answers!: AnswerViewDto[];
}

/** An answer as a conflict or a history entry shows it. */
export class AnswerStateDto {
  @ApiProperty(ANSWER_VALUE)
  value!: unknown;

  @ApiProperty()
  notApplicable!: boolean;

  @ApiProperty({ nullable: true, type: String })
  comment!: string | null;
}

/** An officer of the same municipality; never anyone from elsewhere. */
export class ColleagueDto {
  @ApiProperty()
  name!: string;

  @ApiProperty()
  email!: string;
}

/** An answer of a save that was not stored: a colleague changed the question after the save's base version. */
export class AnswerConflictDto {
  @ApiProperty({ example: 'access.mfa' })
  questionKey!: string;

  @ApiProperty({ format: 'uuid' })
  questionId!: string;

  @ApiProperty({ type: AnswerStateDto, description: 'What this save asked for (not stored)' })
  yours!: AnswerStateDto;

  @ApiProperty({ type: AnswerStateDto, description: "The colleague's answer, which is the answer now" })
  theirs!: AnswerStateDto;

  @ApiProperty({ description: 'The response version at which the colleague changed it' })
  changedInVersion!: number;

  @ApiProperty()
  changedAt!: Date;

  @ApiProperty({
    type: ColleagueDto,
    nullable: true,
    description: 'Who changed it; null when they are no longer an officer of the municipality',
  })
  changedBy!: ColleagueDto | null;
}

/**
 * The response after a save. Answers are merged per question: every answer of the save is stored
 * unless a colleague changed that question after the save's `version`; those are listed in
 * `conflicts` (empty when all were stored). To keep your answer anyway, save it again with the
 * returned `version`.
 */
export class SaveAnswersResultDto extends MyResponseDto {
  @ApiProperty({ type: [AnswerConflictDto] })
  conflicts!: AnswerConflictDto[];
}

/** One change of one answer: who set or cleared it, when, and what it became. */
export class AnswerChangeDto extends AnswerStateDto {
  @ApiProperty({ example: 'access.mfa' })
  questionKey!: string;

  @ApiProperty({ description: 'The response version this change created' })
  version!: number;

  @ApiProperty({ enum: ['set', 'cleared'] })
  kind!: 'set' | 'cleared';

  @ApiProperty()
  changedAt!: Date;

  @ApiProperty({
    type: ColleagueDto,
    nullable: true,
    description: 'Who changed it; null when they are no longer an officer of the municipality',
  })
  changedBy!: ColleagueDto | null;
}

export class ParticipationEditionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  year!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: EDITION_STATUSES })
  status!: EditionStatus;

  @ApiProperty({ nullable: true, type: Date })
  closesAt!: Date | null;
}

export class ParticipationSummaryDto {
  @ApiProperty()
  municipalities!: number;

  @ApiProperty()
  submitted!: number;

  @ApiProperty()
  inProgress!: number;

  @ApiProperty()
  notStarted!: number;
}

export class MunicipalityParticipationDto {
  @ApiProperty()
  municipalityCode!: number;

  @ApiProperty()
  municipalityName!: string;

  @ApiProperty()
  regionCode!: number;

  @ApiProperty()
  regionName!: string;

  @ApiProperty({ enum: ['not_started', 'in_progress', 'submitted'] })
  status!: 'not_started' | 'in_progress' | 'submitted';

  @ApiProperty()
  answeredRequired!: number;

  @ApiProperty()
  requiredQuestions!: number;

  @ApiProperty()
  progressPercent!: number;

  @ApiProperty({ nullable: true, type: Date })
  submittedAt!: Date | null;

  @ApiProperty({ nullable: true, type: String })
  submittedByName!: string | null;

  @ApiProperty({ nullable: true, type: Date })
  lastChangedAt!: Date | null;
}

/** Who has taken part in an edition: status and progress per municipality, never what was answered. */
export class ParticipationDto {
  @ApiProperty({ type: ParticipationEditionDto })
  edition!: ParticipationEditionDto;

  @ApiProperty({ type: ParticipationSummaryDto, description: 'Counts over all municipalities' })
  summary!: ParticipationSummaryDto;

  @ApiProperty({
    type: [MunicipalityParticipationDto],
    description: 'The municipalities the filters select, in the order asked for',
  })
  municipalities!: MunicipalityParticipationDto[];
}

/** A reminder to every municipality that has not submitted, sent by the worker. */
export class ReminderRequestDto {
  @ApiProperty({ description: 'Municipalities not yet reminded today that will be reminded' })
  municipalities!: number;

  @ApiProperty({ description: 'Their active security officers' })
  recipients!: number;

  @ApiProperty({ description: 'Municipalities already reminded today (once per municipality per day)' })
  alreadyRemindedToday!: number;

  @ApiProperty({ description: 'The job that sends them (one per edition and day)' })
  jobId!: string;
}
