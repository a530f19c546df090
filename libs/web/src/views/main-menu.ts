import type { Role } from '@app/users';

export interface MenuLink {
  text: string;
  href: string;
}

/**
 * The main menu of each role: only pages the role may open (WebRoles on the controllers), so no
 * link ends on "Du har ikke adgang". A page under a link's path belongs to its section
 * (`/haendelser/ny` to "Hændelser"). test/web-navigation.e2e-spec.ts opens every link as its role.
 */
export const MAIN_MENU: Record<Role, MenuLink[]> = {
  municipality_officer: [
    { text: 'Forside', href: '/' },
    { text: 'Undersøgelser', href: '/undersoegelser' },
    { text: 'Rapporter', href: '/rapporter' },
    { text: 'Landsresultater', href: '/landsresultater' },
    { text: 'Hændelser', href: '/haendelser' },
    { text: 'Varsler', href: '/varsler' },
  ],
  kl_analyst: [
    { text: 'Forside', href: '/' },
    { text: 'Udgaver', href: '/administration/udgaver' },
    { text: 'Landsresultater', href: '/landsresultater' },
    { text: 'Brug', href: '/administration/brug' },
    { text: 'Invitationer', href: '/administration/invitationer' },
  ],
  cert_analyst: [
    { text: 'Forside', href: '/' },
    { text: 'Hændelser', href: '/haendelser' },
    { text: 'Varsler', href: '/varsler' },
    { text: 'Landsresultater', href: '/landsresultater' },
  ],
  // The platform administrator's other tools are the admin API (/api/v1/admin).
  platform_admin: [
    { text: 'Forside', href: '/' },
    { text: 'Landsresultater', href: '/landsresultater' },
    { text: 'Invitationer', href: '/administration/invitationer' },
  ],
};

/** Where the page at `path` sits in a menu: the link itself ('page') or a page under it ('section'). */
export type MenuMark = 'page' | 'section' | null;

/** Marks the one link whose path is the longest prefix of `path` (the home link only on `/`). */
export function markCurrent(links: MenuLink[], path: string | undefined): MenuMark[] {
  if (path === undefined) return links.map(() => null);
  const within = (href: string) => path === href || (href !== '/' && path.startsWith(`${href}/`));
  const best = links.reduce<MenuLink | null>(
    (found, l) => (within(l.href) && (!found || l.href.length > found.href.length) ? l : found),
    null,
  );
  return links.map((l) => (l !== best ? null : path === l.href ? 'page' : 'section'));
}
