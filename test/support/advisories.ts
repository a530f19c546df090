import request from 'supertest';
import { as, Caller } from './incidents';
import type { TestApp } from './test-app';

/** A time `hours` from now, as an ISO string with an offset. */
export function hoursAhead(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString();
}

/** A valid advisory to Ballerup (151) and Region Nordjylland (1081, 11 municipalities). */
export function advisoryBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Kritisk sårbarhed i PAN-OS GlobalProtect',
    summary: 'En kritisk sårbarhed udnyttes aktivt. Opdatér straks.',
    body: 'Palo Alto Networks har frigivet rettelser. Sårbarheden giver fjernkørsel af kode uden login.',
    severity: 'critical',
    tlp: 'green',
    products: ['Palo Alto PAN-OS 10.2'],
    cveIds: ['CVE-2024-3400'],
    recommendedActions: 'Installér rettelsen, og tjek logs for tegn på udnyttelse.',
    respondBy: hoursAhead(48),
    audience: { municipalityCodes: [151], regionCodes: [1081] },
    ...overrides,
  };
}

export async function sendAdvisory(
  t: TestApp,
  cert: Caller,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const res = await as(request(t.http).post('/api/v1/advisories'), cert).send(advisoryBody(overrides));
  if (res.status !== 201) throw new Error(`advisory not sent: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number };
}

/** Empties the advisory tables (resetData leaves them). */
export async function resetAdvisories(t: TestApp): Promise<void> {
  await t.owner.query(
    'TRUNCATE advisories, advisory_versions, advisory_targets, advisory_responses, advisory_incidents, advisory_deliveries, advisory_reminders_sent CASCADE',
  );
}
