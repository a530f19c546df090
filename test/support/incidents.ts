import request from 'supertest';
import { ApiKeysService } from '@app/auth';
import { createUser, tokenFor } from './factories';
import type { TestApp } from './test-app';

/** A caller of the API: a bearer token or a municipal API key. */
export type Caller = { name: string } & ({ token: string } | { apiKey: string });

export function as<T extends request.Test>(req: T, caller: Caller): T {
  return 'token' in caller ? req.auth(caller.token, { type: 'bearer' }) : req.set('X-API-Key', caller.apiKey);
}

export async function userCaller(
  t: TestApp,
  role: Parameters<typeof createUser>[1],
  municipalityCode: number | null = null,
): Promise<Caller & { id: string }> {
  const user = await createUser(t.db, role, municipalityCode);
  return {
    name: `${role}${municipalityCode ? `-${municipalityCode}` : ''}`,
    id: user.id,
    token: await tokenFor(t.http, user),
  };
}

export async function apiKeyCaller(t: TestApp, municipalityCode: number): Promise<Caller> {
  const { key } = await t.app
    .get(ApiKeysService)
    .create(municipalityCode, 'SIEM', { id: null, label: 'test' });
  return { name: `api-key-${municipalityCode}`, apiKey: key };
}

/** A time `hours` before now, as an ISO string with an offset. */
export function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * 3_600_000).toISOString();
}

/** The issue's minimal report body. */
export function reportBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Phishing-mail med link til falsk login',
    description: 'Flere medarbejdere i Borgerservice har fået en mail.',
    awareAt: hoursAgo(2),
    rsitClass: 'fraud',
    rsitType: 'phishing',
    severity: 'medium',
    tlp: 'amber',
    nis2Significant: 'no',
    personalDataBreach: {
      type: 'utilsigtet-videregivelse',
      nature: ['confidentiality'],
      approxSubjects: 40,
      approxRecords: 40,
      specialCategories: [],
      notifiable: true,
    },
    ...overrides,
  };
}

/** Empties the incident tables, including the reference counters (resetData leaves them). */
export async function resetIncidents(t: TestApp): Promise<void> {
  await t.owner.query(
    'TRUNCATE incidents, incident_events, incident_comments, incident_attachments, incident_obligations, incident_intake_keys, incident_reference_counters CASCADE',
  );
}
