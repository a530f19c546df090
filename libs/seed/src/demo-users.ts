import type { Role } from '@app/users';

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  municipalityCode: number | null;
}

/** The demo accounts (README.md, "Quick start"): three central roles and one officer per municipality. */
export function demoUsers(municipalities: Array<{ code: number; name: string }>): DemoUser[] {
  return [
    {
      email: 'admin@baseline.local',
      displayName: 'Platformadministrator',
      role: 'platform_admin',
      municipalityCode: null,
    },
    { email: 'kl@baseline.local', displayName: 'KL-analytiker', role: 'kl_analyst', municipalityCode: null },
    {
      email: 'cert@baseline.local',
      displayName: 'KommuneCERT-analytiker',
      role: 'cert_analyst',
      municipalityCode: null,
    },
    ...municipalities.map((m) => ({
      email: `officer-${m.code}@baseline.local`,
      displayName: `Sikkerhedskoordinator, ${m.name}`,
      role: 'municipality_officer' as const,
      municipalityCode: m.code,
    })),
  ];
}
