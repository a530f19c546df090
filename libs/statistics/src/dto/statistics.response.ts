import { ApiProperty } from '@nestjs/swagger';
import { EDITION_STATUSES } from '@app/surveys';
import type { EditionStatus } from '@app/surveys';

const NUM = { nullable: true, type: Number } as const;
const SUPPRESSED = { description: 'Fewer than K in the group: every figure of the cell is null' };

export class StatisticsEditionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  year!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: EDITION_STATUSES })
  status!: EditionStatus;
}

export class StatisticsStateDto {
  @ApiProperty({ description: 'Version of the stored figures; 0 before the first recompute' })
  version!: number;

  @ApiProperty({ nullable: true, type: Date })
  computedAt!: Date | null;

  @ApiProperty({ description: 'A recompute is due: the figures may not reflect the latest answers' })
  stale!: boolean;
}

export class EditionRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  year!: number;
}

/** A published figure, or `suppressed: true` with every figure null (small-group suppression). */
export class CellDto {
  @ApiProperty({ ...NUM, description: 'Municipalities in the cell' })
  n!: number | null;

  @ApiProperty(NUM)
  mean!: number | null;

  @ApiProperty(NUM)
  sd!: number | null;

  @ApiProperty(NUM)
  median!: number | null;

  @ApiProperty(NUM)
  q1!: number | null;

  @ApiProperty(NUM)
  q3!: number | null;

  @ApiProperty(SUPPRESSED)
  suppressed!: boolean;
}

export class CellWithChangeDto extends CellDto {
  @ApiProperty({ ...NUM, description: "The previous edition's mean" })
  previousMean!: number | null;

  @ApiProperty({ ...NUM, description: 'mean − previousMean' })
  meanDelta!: number | null;
}

export class NationalParticipationDto {
  @ApiProperty(NUM)
  participants!: number | null;

  @ApiProperty({ description: 'Municipalities in Denmark' })
  municipalities!: number;

  @ApiProperty(NUM)
  sharePercent!: number | null;

  @ApiProperty(SUPPRESSED)
  suppressed!: boolean;

  @ApiProperty(NUM)
  previousParticipants!: number | null;
}

export class LevelShareDto {
  @ApiProperty()
  level!: number;

  @ApiProperty(NUM)
  count!: number | null;

  @ApiProperty({ ...NUM, description: 'Percent of the answers' })
  share!: number | null;

  @ApiProperty(SUPPRESSED)
  suppressed!: boolean;
}

export class AnswerLevelDto extends LevelShareDto {
  @ApiProperty({ description: 'The level as the scale names it (Danish)' })
  label!: string;

  @ApiProperty(NUM)
  previousCount!: number | null;

  @ApiProperty(NUM)
  previousShare!: number | null;

  @ApiProperty(NUM)
  countChangePercent!: number | null;

  @ApiProperty(NUM)
  shareChange!: number | null;
}

export class AreaFiguresDto extends CellWithChangeDto {
  @ApiProperty()
  key!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  weight!: number;
}

export class QuestionFiguresDto extends CellWithChangeDto {
  @ApiProperty()
  key!: string;

  @ApiProperty({ nullable: true, type: String })
  areaKey!: string | null;

  @ApiProperty()
  text!: string;

  @ApiProperty()
  focusArea!: boolean;

  @ApiProperty({ type: [LevelShareDto] })
  distribution!: LevelShareDto[];
}

class NumberQuestionDto {
  @ApiProperty()
  key!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ nullable: true, type: String })
  unit!: string | null;
}

/** A number question: n, mean and sd only, never a median or quartile (docs/statistics.md). */
export class NumberFiguresDto extends NumberQuestionDto {
  @ApiProperty(NUM)
  n!: number | null;

  @ApiProperty(NUM)
  mean!: number | null;

  @ApiProperty(NUM)
  sd!: number | null;

  @ApiProperty(SUPPRESSED)
  suppressed!: boolean;

  @ApiProperty(NUM)
  previousMean!: number | null;

  @ApiProperty(NUM)
  meanDelta!: number | null;
}

class StatisticsHeaderDto {
  @ApiProperty({ type: StatisticsEditionDto })
  edition!: StatisticsEditionDto;

  @ApiProperty({ type: StatisticsStateDto })
  statistics!: StatisticsStateDto;

  @ApiProperty({ description: 'The anonymity threshold: groups smaller than K are suppressed' })
  k!: number;
}

export class NationalStatisticsDto extends StatisticsHeaderDto {
  @ApiProperty({ type: EditionRefDto, nullable: true, description: 'The edition compared with' })
  previousEdition!: EditionRefDto | null;

  @ApiProperty({ type: NationalParticipationDto })
  participation!: NationalParticipationDto;

  @ApiProperty({ type: CellWithChangeDto, description: 'The overall index' })
  overall!: CellWithChangeDto;

  @ApiProperty({ type: [AnswerLevelDto], description: 'All answers of scored questions by level' })
  answerLevels!: AnswerLevelDto[];

  @ApiProperty({ type: [AreaFiguresDto] })
  areas!: AreaFiguresDto[];

  @ApiProperty({ type: [QuestionFiguresDto], description: 'Scored scale questions' })
  questions!: QuestionFiguresDto[];

  @ApiProperty({ type: [NumberFiguresDto] })
  numbers!: NumberFiguresDto[];
}

export class GroupAreaDto extends CellDto {
  @ApiProperty()
  key!: string;

  @ApiProperty()
  title!: string;
}

export class GroupFiguresDto {
  @ApiProperty({ description: 'Region code, or size class key (e.g. `under-30k`)' })
  key!: string;

  @ApiProperty({ nullable: true, type: String, description: 'Region name, or size class label (Danish)' })
  name!: string | null;

  @ApiProperty()
  municipalities!: number;

  @ApiProperty(NUM)
  participants!: number | null;

  @ApiProperty()
  participationSuppressed!: boolean;

  @ApiProperty({ type: CellDto })
  overall!: CellDto;

  @ApiProperty({ type: [GroupAreaDto] })
  areas!: GroupAreaDto[];
}

export class BreakdownStatisticsDto extends StatisticsHeaderDto {
  @ApiProperty({ enum: ['region', 'size_class'] })
  scope!: 'region' | 'size_class';

  @ApiProperty({ type: [GroupFiguresDto] })
  groups!: GroupFiguresDto[];
}

export class OwnOverallDto {
  @ApiProperty({ ...NUM, description: "The municipality's own index" })
  own!: number | null;

  @ApiProperty(NUM)
  nationalMean!: number | null;

  @ApiProperty(NUM)
  delta!: number | null;

  @ApiProperty({ ...NUM, description: 'National quartile (1–4) of the own index' })
  quartile!: number | null;

  @ApiProperty(NUM)
  previousOwn!: number | null;

  @ApiProperty(NUM)
  ownDelta!: number | null;

  @ApiProperty(NUM)
  nationalPrevious!: number | null;

  @ApiProperty(NUM)
  nationalDelta!: number | null;
}

/** A municipality's own score of a subject against the national mean. */
class OwnScoreDto {
  @ApiProperty()
  key!: string;

  @ApiProperty(NUM)
  own!: number | null;

  @ApiProperty(NUM)
  nationalMean!: number | null;

  @ApiProperty({ ...NUM, description: 'own − nationalMean' })
  delta!: number | null;

  @ApiProperty({ ...NUM, description: 'The own score in the previous edition' })
  previousOwn!: number | null;
}

export class OwnAreaDto extends OwnScoreDto {
  @ApiProperty()
  title!: string;
}

export class OwnQuestionDto extends OwnScoreDto {
  @ApiProperty()
  text!: string;

  @ApiProperty({ nullable: true, type: String })
  areaKey!: string | null;

  @ApiProperty()
  focusArea!: boolean;
}

export class OwnNumberDto extends NumberQuestionDto {
  @ApiProperty(NUM)
  own!: number | null;

  @ApiProperty({ ...NUM, description: 'No national median or quartiles for number questions' })
  nationalMean!: number | null;
}

export class MunicipalityStatisticsDto extends StatisticsHeaderDto {
  @ApiProperty()
  municipalityCode!: number;

  @ApiProperty({ type: EditionRefDto, nullable: true })
  previousEdition!: EditionRefDto | null;

  @ApiProperty({ type: OwnOverallDto })
  overall!: OwnOverallDto;

  @ApiProperty({ type: [OwnAreaDto] })
  areas!: OwnAreaDto[];

  @ApiProperty({ type: [OwnQuestionDto] })
  questions!: OwnQuestionDto[];

  @ApiProperty({
    type: [OwnQuestionDto],
    description: 'Up to ten questions furthest below the national mean',
  })
  furthestBelow!: OwnQuestionDto[];

  @ApiProperty({ type: [OwnNumberDto] })
  numbers!: OwnNumberDto[];
}

export class RecomputeRequestDto {
  @ApiProperty({ description: 'One job per edition: a repeated request joins the waiting job' })
  jobId!: string;

  @ApiProperty({ example: 'delayed', description: "The job's BullMQ state" })
  state!: string;
}
