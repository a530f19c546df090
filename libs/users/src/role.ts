export const ROLES = ['platform_admin', 'kl_analyst', 'cert_analyst', 'municipality_officer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS_DA: Record<Role, string> = {
  platform_admin: 'Platformadministrator',
  kl_analyst: 'KL-analytiker',
  cert_analyst: 'KommuneCERT-analytiker',
  municipality_officer: 'Informationssikkerhedskoordinator',
};
