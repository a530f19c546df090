import { MATURITY_TOPICS, MaturityTopic } from '@app/incidents';
import type { MunicipalityStatisticsDto, NationalStatisticsDto } from '@app/statistics';

/** One survey question beside the incident: the national mean, and the municipality's own answer when shown. */
export interface MaturityQuestion {
  key: string;
  text: string;
  nationalMean: number | null;
  nationalSuppressed: boolean;
  /** Undefined when the viewer may not see it (KommuneCERT); null when not answered or not applicable. */
  own?: number | null;
}

export interface MaturityPanel {
  edition: { id: string; year: number; title: string } | null;
  /** Whether the municipality's own figures are in it (its own officer), or only the national ones. */
  own: boolean;
  /** Why the own figures are missing for an officer: the municipality did not take part. */
  notParticipated: boolean;
  k: number;
  topics: Array<{ key: MaturityTopic; title: string; questions: MaturityQuestion[] }>;
}

/**
 * The related questions of the topics, with the national figures and, when given, the municipality's
 * own. A question the edition does not ask is left out. Built from the statistics service's
 * published, suppressed figures only: nothing here is computed from answers.
 */
export function maturityPanel(
  topics: MaturityTopic[],
  national: NationalStatisticsDto,
  own: MunicipalityStatisticsDto | null,
  notParticipated = false,
): MaturityPanel {
  return {
    edition: { id: national.edition.id, year: national.edition.year, title: national.edition.title },
    own: own !== null,
    notParticipated,
    k: national.k,
    topics: topics.map((key) => ({
      key,
      title: MATURITY_TOPICS[key].title,
      questions: MATURITY_TOPICS[key].questionKeys.flatMap((questionKey) => {
        const q = national.questions.find((x) => x.key === questionKey);
        if (!q) return [];
        const mine = own?.questions.find((x) => x.key === questionKey);
        return [
          {
            key: q.key,
            text: q.text,
            nationalMean: q.mean,
            nationalSuppressed: q.suppressed,
            ...(own ? { own: mine?.own ?? null } : {}),
          },
        ];
      }),
    })),
  };
}
