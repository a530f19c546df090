/** The demo data's randomness: small, seeded and plain arithmetic, so that every draw is reproducible. */
export type Random = () => number;

/** A mulberry32 stream seeded by FNV-1a of the key: the same key always gives the same stream. */
export function seededRandom(key: string): Random {
  let a = fnv1a(key);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Approximately standard normal (Irwin-Hall of 4 uniforms): plain arithmetic, bounded at ±3.5. */
export function gauss(r: Random): number {
  return (r() + r() + r() + r() - 2) * Math.sqrt(3);
}
