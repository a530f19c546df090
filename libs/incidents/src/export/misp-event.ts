import { copenhagenDate } from '../copenhagen-time';
import type { Incident } from '../incident.entity';
import type { IncidentStatus } from '../incident-workflow';
import type { Severity, Tlp } from '../rsit';

/**
 * An incident as a MISP event (MISP core format, `{ "Event": … }`), for sharing with the national
 * centre. It carries no personal data, so it holds only what KommuneCERT classified, never what
 * people typed (docs/incidents.md, "MISP export"):
 *
 * - in: the reference, the RSIT class and type (`rsit:` machine tag), TLP (`tlp:` tag), severity
 *   (threat level), status (analysis), the incident's times, NIS2 significance, impact and root
 *   cause, and for a personal-data breach its type and whether it was notifiable, without counts;
 * - the municipality only as its region: the event is about the threat, and a municipality of a few
 *   thousand inhabitants plus a date can point at the people involved;
 * - out: title, description, affected systems and services, the reporter (name, e-mail, API key,
 *   their own reference), the assignee, comments, attachments, the breach's reason and counts.
 */

/** MISP threat levels: 1 high, 2 medium, 3 low (4 undefined is never sent: severity always has a value). */
const THREAT_LEVEL: Record<Severity, '1' | '2' | '3'> = {
  critical: '1',
  high: '1',
  medium: '2',
  low: '3',
};

/** MISP analysis: 0 initial, 1 ongoing, 2 completed. */
const ANALYSIS: Record<IncidentStatus, '0' | '1' | '2'> = {
  new: '0',
  triage: '0',
  in_progress: '1',
  contained: '1',
  resolved: '2',
  closed: '2',
  not_an_incident: '2',
  duplicate: '2',
};

/**
 * MISP distribution from TLP: CLEAR to all communities (3), GREEN to connected communities (2), AMBER
 * and AMBER+STRICT to this community only (1). TLP:RED is never exported (see mispExportProblem).
 */
const DISTRIBUTION: Record<Exclude<Tlp, 'red'>, '1' | '2' | '3'> = {
  clear: '3',
  green: '2',
  amber: '1',
  'amber+strict': '1',
};

export interface MispAttribute {
  type: 'text' | 'datetime';
  category: 'Other' | 'Internal reference';
  value: string;
  comment: string;
  to_ids: false;
  distribution: '5';
}

export interface MispEvent {
  Event: {
    uuid: string;
    info: string;
    date: string;
    timestamp: string;
    threat_level_id: '1' | '2' | '3';
    analysis: '0' | '1' | '2';
    distribution: '1' | '2' | '3';
    published: false;
    Orgc: { name: string };
    Tag: Array<{ name: string }>;
    Attribute: MispAttribute[];
  };
}

/** The facts of an incident the event is made from; the municipality is reduced to its region. */
export type MispSource = Pick<
  Incident,
  | 'id'
  | 'reference'
  | 'status'
  | 'rsitClass'
  | 'rsitType'
  | 'tlp'
  | 'severity'
  | 'nis2Significant'
  | 'nis2Impact'
  | 'rootCause'
  | 'occurredAt'
  | 'detectedAt'
  | 'awareAt'
  | 'containedAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'pdbType'
  | 'pdbNotifiable'
  | 'updatedAt'
> & { regionName: string };

/** Why the incident may not be shared, or null. TLP:RED is for the named recipients only. */
export function mispExportProblem(incident: Pick<Incident, 'tlp'>): string | null {
  return incident.tlp === 'red' ? 'is red: a TLP:RED incident is not shared outside KommuneCERT' : null;
}

const attribute = (
  value: string,
  comment: string,
  type: MispAttribute['type'] = 'text',
  category: MispAttribute['category'] = 'Other',
): MispAttribute => ({ type, category, value, comment, to_ids: false, distribution: '5' });

export function mispEvent(incident: MispSource): MispEvent {
  if (incident.tlp === 'red') throw new Error('A TLP:RED incident has no MISP event');
  const tag = `rsit:${incident.rsitClass}="${incident.rsitType}"`;
  const times: Array<[keyof MispSource, string]> = [
    ['occurredAt', 'Occurred at'],
    ['detectedAt', 'Detected at'],
    ['awareAt', 'KommuneCERT or the municipality became aware at'],
    ['containedAt', 'Contained at'],
    ['resolvedAt', 'Resolved at'],
    ['closedAt', 'Closed at'],
  ];
  const attributes: MispAttribute[] = [
    attribute(incident.reference, 'KommuneCERT reference', 'text', 'Internal reference'),
    attribute(incident.regionName, 'Region of the affected Danish municipality'),
    ...times.flatMap(([field, comment]) => {
      const at = incident[field] as Date | null;
      return at ? [attribute(new Date(at).toISOString(), comment, 'datetime')] : [];
    }),
    attribute(incident.nis2Significant, 'NIS2 significant incident (yes, no, not-assessed)'),
  ];
  if (incident.nis2Impact) attributes.push(attribute(incident.nis2Impact, 'NIS2 impact severity'));
  if (incident.rootCause) attributes.push(attribute(incident.rootCause, 'NIS2 root cause'));
  if (incident.pdbType) {
    attributes.push(attribute(incident.pdbType, 'Personal-data breach: type'));
    if (incident.pdbNotifiable !== null)
      attributes.push(
        attribute(incident.pdbNotifiable ? 'yes' : 'no', 'Personal-data breach: notifiable (GDPR Art. 33)'),
      );
  }
  return {
    Event: {
      uuid: incident.id,
      info: `${incident.reference}: ${tag} in a Danish municipality (${incident.regionName})`,
      date: copenhagenDate(new Date(incident.awareAt)),
      timestamp: String(Math.floor(new Date(incident.updatedAt).getTime() / 1000)),
      threat_level_id: THREAT_LEVEL[incident.severity],
      analysis: ANALYSIS[incident.status],
      distribution: DISTRIBUTION[incident.tlp],
      published: false,
      Orgc: { name: 'KommuneCERT' },
      Tag: [{ name: tag }, { name: `tlp:${incident.tlp}` }],
      Attribute: attributes,
    },
  };
}
