import { createHmac, timingSafeEqual } from 'node:crypto';

/** The end of the sealed chain: position 0 and hash '' before the first seal. */
export interface ChainTail {
  position: number;
  hash: string;
  seq: string | null;
}

/** An entry waiting for its seal; `content` is its canonical text (see AUDIT_ENTRY_CONTENT_SQL). */
export interface PendingEntry {
  seq: string;
  content: string;
}

export interface NewSeal {
  position: string;
  seq: string;
  prevHash: string;
  hash: string;
}

/** A stored seal with its entry's content, or null content when the entry is gone. */
export interface StoredSeal extends NewSeal {
  content: string | null;
}

export type ChainProblem =
  'altered' | 'broken-link' | 'missing-entry' | 'truncated' | 'head-mismatch' | 'head-forged';

/** The signed statement "the chain had `count` seals ending in `lastHash`", kept outside the database. */
export interface AuditHead {
  count: number;
  lastSeq: string | null;
  lastHash: string;
  at: string;
  signature: string;
}

/**
 * Every field of an entry as one JSON array rendered by PostgreSQL: unambiguous, and the same
 * text whatever the session time zone, because the time is rendered in UTC with microseconds.
 */
export const AUDIT_ENTRY_CONTENT_SQL = `jsonb_build_array(
  a.seq::text, to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
  a.actor_id::text, a.actor, a.action, a.target_type, a.target_id, a.address, a.details)::text`;

// The first element separates the two kinds of MAC, so a seal can never pass for a head.
const hmac = (key: string, parts: unknown[]) =>
  createHmac('sha256', key).update(JSON.stringify(parts)).digest('hex');

export function sealHash(key: string, position: string, prevHash: string, content: string): string {
  return hmac(key, ['baseline-audit-seal', position, prevHash, content]);
}

/** Links `entries` (in order) after `tail`. */
export function linkSeals(key: string, tail: ChainTail, entries: PendingEntry[]): NewSeal[] {
  let { position, hash } = tail;
  return entries.map(({ seq, content }) => {
    position += 1;
    const seal = { position: String(position), seq, prevHash: hash, hash: '' };
    seal.hash = sealHash(key, seal.position, seal.prevHash, content);
    hash = seal.hash;
    return seal;
  });
}

/** What is wrong with `seal` as the successor of `previous`, or null when it verifies. */
export function checkSeal(key: string, previous: ChainTail, seal: StoredSeal): ChainProblem | null {
  if (seal.content === null) return 'missing-entry';
  if (Number(seal.position) !== previous.position + 1 || seal.prevHash !== previous.hash) {
    return 'broken-link';
  }
  return equalHex(seal.hash, sealHash(key, seal.position, seal.prevHash, seal.content)) ? null : 'altered';
}

const headParts = (h: Omit<AuditHead, 'signature'>) => [
  'baseline-audit-head',
  h.count,
  h.lastSeq,
  h.lastHash,
  h.at,
];

export function signHead(key: string, tail: ChainTail, at: Date): AuditHead {
  const head = { count: tail.position, lastSeq: tail.seq, lastHash: tail.hash, at: at.toISOString() };
  return { ...head, signature: hmac(key, headParts(head)) };
}

export function headSignatureValid(key: string, head: AuditHead): boolean {
  return typeof head.signature === 'string' && equalHex(head.signature, hmac(key, headParts(head)));
}

function equalHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
