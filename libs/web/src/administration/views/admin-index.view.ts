import type { Role } from '@app/users';
import { html } from '@app/ui';
import { breadcrumbs } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { ADMIN_API_KEYS_PATH } from './api-keys-admin.view';
import { ADMIN_AUDIT_PATH } from './audit-log.view';
import { ADMIN_EDITIONS_PATH } from './editions-admin.view';
import { ADMIN_USERS_PATH } from './users-admin.view';

interface Tool {
  roles: Role[];
  href: string;
  label: string;
  text: Partial<Record<Role, string>> | string;
}

/** Every administration tool and who may use it (as the controllers' WebRoles). */
const TOOLS: Tool[] = [
  {
    roles: ['platform_admin', 'kl_analyst'],
    href: ADMIN_USERS_PATH,
    label: 'Brugere',
    text: {
      platform_admin: 'Find brugere, se deres tilstand, og deaktivér, genaktivér eller lås dem op.',
      kl_analyst: 'Kommunernes informationssikkerhedskoordinatorer: find, deaktivér, genaktivér og lås op.',
    },
  },
  {
    roles: ['platform_admin', 'kl_analyst'],
    href: '/administration/invitationer',
    label: 'Invitationer',
    text: {
      platform_admin:
        'Invitér brugere med alle roller, enkeltvis eller fra en CSV-fil; send invitationer igen eller tilbagekald dem.',
      kl_analyst: 'Invitér kommunernes informationssikkerhedskoordinatorer, enkeltvis eller fra en CSV-fil.',
    },
  },
  {
    roles: ['platform_admin'],
    href: ADMIN_API_KEYS_PATH,
    label: 'API-nøgler',
    text: 'Nøgler, som kommunernes systemer indberetter hændelser med: opret og tilbagekald.',
  },
  {
    roles: ['platform_admin'],
    href: ADMIN_AUDIT_PATH,
    label: 'Revisionslog',
    text: 'Hvem gjorde hvad og hvornår, og kontrol af at loggen er uændret.',
  },
  {
    roles: ['kl_analyst'],
    href: ADMIN_EDITIONS_PATH,
    label: 'Udgaver',
    text: 'Opret, åbn, luk og offentliggør udgaver af Baseline, og følg deltagelsen.',
  },
  {
    roles: ['kl_analyst'],
    href: '/administration/brug',
    label: 'Brug af platformen',
    text: 'Aktive kommuner pr. måned og hentede rapporter.',
  },
];

/** The administration tools the role may use, and only those. */
export function adminIndexView(m: { user: PageUser; csrfToken: string }): string {
  const role = m.user.role;
  const tools = TOOLS.filter((t) => t.roles.includes(role));
  return layout({
    title: 'Administration',
    user: m.user,
    csrfToken: m.csrfToken,
    body: html`${breadcrumbs([{ text: 'Forside', href: '/' }, { text: 'Administration' }])}
      <h1>Administration</h1>
      <ul class="nobullet-list" id="admin-tools">
        ${tools.map(
          (t) =>
            html`<li class="mb-5">
              <h2 class="h3 mb-2"><a href="${t.href}">${t.label}</a></h2>
              <p class="mt-0">${typeof t.text === 'string' ? t.text : t.text[role]}</p>
            </li>`,
        )}
      </ul>`,
  });
}
