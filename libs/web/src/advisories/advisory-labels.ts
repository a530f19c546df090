import type { AdvisoryVersionKind, ResponseStatus } from '@app/advisories';

/** A municipality's answer to an advisory, in Danish; no status yet is "Ikke åbnet". */
export const RESPONSE_STATUS_LABELS: Record<ResponseStatus, string> = {
  read: 'Læst',
  not_affected: 'Ikke berørt',
  mitigating: 'Afhjælper',
  mitigated: 'Afhjulpet',
};
export const NO_RESPONSE_LABEL = 'Ikke åbnet';

/** What the officer chooses between, with what each means. */
export const RESPONSE_STATUS_HINTS: Record<ResponseStatus, string> = {
  read: 'Vi har læst varslet, men har endnu ikke vurderet det.',
  not_affected: 'Vi bruger ikke de berørte produkter, eller sårbarheden rammer os ikke.',
  mitigating: 'Vi er berørt og er i gang med de anbefalede handlinger.',
  mitigated: 'Vi er berørt og har gennemført de anbefalede handlinger.',
};

/** Badge colours of the statuses: not yet acted on is a warning, acted on is a success. */
export const RESPONSE_STATUS_BADGES: Record<ResponseStatus, string> = {
  read: 'warning',
  not_affected: 'success',
  mitigating: 'info',
  mitigated: 'success',
};

export const VERSION_KIND_LABELS: Record<AdvisoryVersionKind, string> = {
  published: 'Udsendt',
  updated: 'Opdateret',
  withdrawn: 'Trukket tilbage',
};

/** The content fields as the version history names them. */
export const FIELD_LABELS: Record<string, string> = {
  title: 'titel',
  summary: 'resumé',
  body: 'beskrivelse',
  severity: 'alvor',
  tlp: 'TLP',
  products: 'produkter',
  cveIds: 'CVE-numre',
  recommendedActions: 'anbefalede handlinger',
  respondBy: 'svarfrist',
};

export const advisoryPath = (id: string) => `/varsler/${id}`;
