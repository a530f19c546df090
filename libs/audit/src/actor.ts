/** Who did something, as recorded in the audit log. */
export interface Actor {
  id: string | null;
  label: string;
  address?: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, label: 'system' };
